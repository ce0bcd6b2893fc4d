package org.perch.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.compliance.OutboxEntry;
import org.perch.store.jdbc.JdbcStore;

/** Events captured by a server before V9 rebuilt the outbox are still there, in their order, after an upgrade. */
class H2OutboxMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsWaitingBeforeTheUpgradeShouldSurviveItInOrder() throws Exception {
        Path dir = dataDir.resolve("store");
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        JdbcConnectionPool pool = JdbcConnectionPool.create(H2Store.url(dir), H2Store.USER,
                H2Password.loadOrCreate(Files.createDirectories(dir).resolve("credentials")));
        try {
            Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(pool).locations(JdbcStore.MIGRATIONS)
                    .target("8").load().migrate();
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO compliance_outbox (event_id, event_type, at_seconds, at_nanos, actor, content)"
                            + " VALUES (?, 'CATEGORY_CREATED', 1700000000, 5, 'admin@example.org', ?)")) {
                // Inserted in reverse so that seq order, not id order, is what has to survive.
                for (int i = ids.size() - 1; i >= 0; i--) {
                    ps.setObject(1, ids.get(i));
                    ps.setString(2, "event " + i);
                    ps.executeUpdate();
                }
            }
        } finally {
            pool.dispose();
        }

        try (Store store = H2Store.open(dataDir)) {
            List<OutboxEntry> waiting = store.outbox().oldest(10);

            assertThat(waiting).extracting(e -> e.event().id()).containsExactly(ids.get(2), ids.get(1), ids.get(0));
            assertThat(waiting).extracting(e -> e.event().content()).containsExactly("event 2", "event 1", "event 0");
            store.outbox().remove(waiting.subList(0, 1));
            assertThat(store.outbox().oldest(10)).extracting(e -> e.event().id()).containsExactly(ids.get(1),
                    ids.get(0));
        }
    }
}
