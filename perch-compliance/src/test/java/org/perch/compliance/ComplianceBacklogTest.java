package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.compliance.verify.ComplianceVerifier;
import org.perch.compliance.verify.VerificationReport;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.chat.Category;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.OutboxEntry;
import org.perch.store.h2.H2Store;

/**
 * The backlog test, on real H2 files for both databases: messages posted while the compliance database is
 * down wait in the chat store's outbox, the service keeps running and says why it cannot move them, and once the
 * database is back (a new service over it, as after a restart) every one is exported exactly once, chains intact.
 *
 * <p>"Down" is real: the compliance database is shut down under the running service's open connection pool and its
 * directory replaced by a file, so every call fails inside the JDBC layer (a {@link StoreException}).
 */
class ComplianceBacklogTest {

    private static final int EVENTS = 100_000;
    /** Messages per append: what one group commit of the history writer holds under load. */
    private static final int POST_BATCH = 1_000;
    private static final int ROOMS = 40;
    /** Events per move and per exported batch. */
    private static final int SERVICE_BATCH = 5_000;

    @TempDir
    Path data;

    @TempDir
    Path out;

    @Test
    @DisplayName("100,000 messages posted while the compliance database is down are all exported, once each, after")
    void aBacklogShouldAllBeExportedOnceTheDatabaseReturns() throws IOException, SQLException {
        Set<UUID> captured;
        Set<String> posted;
        try (Store store = H2Store.open(data)) {
            ChatRooms chat = new ChatRooms(store, ChatSettings.DEFAULTS, Clock.systemUTC(), e -> { },
                    Jid.domainOnly("chat.example.org"));
            chat.compliance().enable(true);
            List<Room> rooms = rooms(store);

            try (ComplianceRecord down = H2Store.openComplianceRecord(data);
                 ComplianceService running = service(store, down).start(Duration.ofMillis(200),
                         Duration.ofMillis(500))) {
                takeDown();
                assertThatThrownBy(down::lastSequence).as("the database is down").isInstanceOf(StoreException.class);
                long began = System.nanoTime();
                posted = post(chat.capturedHistory(), rooms);
                Instant postedAll = Instant.now();
                System.out.printf("backlog: %,d messages posted and captured in %.1f s%n", EVENTS,
                        (System.nanoTime() - began) / 1e9);

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    ComplianceStatus status = running.status();
                    assertThat(status.lastRun()).as("the service keeps running").hasValueSatisfying(
                            at -> assertThat(at).isAfter(postedAll));
                    assertThat(status.lastError()).hasValueSatisfying(
                            e -> assertThat(e).contains("compliance database"));
                    assertThat(status.outboxBacklog()).isEqualTo(EVENTS);
                });
                List<ComplianceEvent> waiting = store.outbox().oldest(EVENTS + 1).stream().map(OutboxEntry::event)
                        .toList();
                assertThat(waiting).as("nothing lost while the database is down").hasSize(EVENTS);
                captured = ids(waiting);
                assertThat(captured).hasSize(EVENTS);
                assertThat(set(waiting.stream().map(e -> e.messageId().orElseThrow()).toList())).isEqualTo(posted);
            }

            bringBack();
            long restarted = System.nanoTime();
            try (ComplianceRecord back = H2Store.openComplianceRecord(data);
                 ComplianceService running = service(store, back).start(Duration.ofMillis(200),
                         Duration.ofMillis(500))) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    ComplianceStatus status = running.status();
                    assertThat(status.outboxBacklog()).isZero();
                    assertThat(status.exportBacklog()).isZero();
                    assertThat(status.lastExportedSequence()).isEqualTo(EVENTS);
                    assertThat(status.lastError()).isEmpty();
                });
            }
            System.out.printf("backlog: %,d events moved and exported in %.1f s after the database returned%n",
                    EVENTS, (System.nanoTime() - restarted) / 1e9);
        }

        VerificationReport report = ComplianceVerifier.verify(out);
        assertThat(report.firstBreak()).isEmpty();
        assertThat(report.events()).isEqualTo(EVENTS);
        assertThat(report.rooms()).isEqualTo(ROOMS);
        assertThat(report.firstSequence()).isEqualTo(1);
        assertThat(report.lastSequence()).isEqualTo(EVENTS);
        assertThat(report.warnings()).isEmpty();
        List<Exported> exported = exported(out);
        assertThat(exported).as("each event exported exactly once").hasSize(EVENTS);
        assertThat(set(exported.stream().map(Exported::event).toList())).isEqualTo(captured);
        assertThat(set(exported.stream().map(Exported::messageId).toList())).isEqualTo(posted);
    }

    /**
     * Takes the compliance database down under its open connection pool, as a database server that stops: moves
     * its directory away and leaves a file in its place (so that nothing, not even root, can open it again), then
     * shuts the database down. Every call through the pool then fails in the JDBC layer.
     */
    private void takeDown() throws IOException, SQLException {
        Path dir = data.resolve("compliance");
        String password = Files.readString(dir.resolve("credentials")).strip();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("perch") + ";AUTO_SERVER=TRUE",
                "perch", password); Statement s = c.createStatement()) {
            Files.move(dir, away());
            Files.writeString(dir, "the compliance database is not here");
            s.execute("SHUTDOWN");
        }
    }

    /** The compliance database returns where it was. */
    private void bringBack() throws IOException {
        Path dir = data.resolve("compliance");
        Files.delete(dir);
        Files.move(away(), dir);
    }

    private Path away() {
        return data.resolve("compliance-away");
    }

    private ComplianceService service(Store store, ComplianceRecord record) {
        JsonLinesAdapter adapter = new JsonLinesAdapter();
        adapter.configure(new AdapterSettings(out, false, false, false, false, "example.org", "chat.example.org"));
        return new ComplianceService(store.outbox(), record, adapter, Clock.systemUTC(), SERVICE_BATCH);
    }

    private static List<Room> rooms(Store store) {
        Category category = Category.named("Desks");
        store.categories().create(category);
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            Room room = Room.create("desk-" + i, category.id(), "Desk " + i);
            store.rooms().create(room);
            rooms.add(room);
        }
        return rooms;
    }

    /** Posts {@link #EVENTS} messages through the history the message writer uses; returns their stanza-ids. */
    private static Set<String> post(HistoryStore history, List<Room> rooms) {
        Set<String> stanzaIds = new HashSet<>();
        for (int sent = 0; sent < EVENTS; sent += POST_BATCH) {
            List<PostedMessage> batch = new ArrayList<>(POST_BATCH);
            for (int i = sent; i < sent + POST_BATCH; i++) {
                String stanzaId = UUID.randomUUID().toString();
                Jid sender = Jid.of("user" + i % 97 + "@example.org");
                batch.add(new PostedMessage(rooms.get(i % ROOMS).id(), stanzaId, Instant.now(), sender,
                        sender.local(), "message " + i, "<message/>"));
                stanzaIds.add(stanzaId);
            }
            assertThat(history.append(batch)).hasSize(POST_BATCH);
        }
        return stanzaIds;
    }

    private static Set<UUID> ids(List<ComplianceEvent> events) {
        return set(events.stream().map(ComplianceEvent::id).toList());
    }

    /** A set, compared by equals: AssertJ's in-any-order list comparisons are quadratic, too slow for 100,000. */
    private static <T> Set<T> set(List<T> values) {
        return new HashSet<>(values);
    }

    private record Exported(UUID event, String messageId) {
    }

    /** Every event line of every exported file, read with a plain JSON parser rather than Perch's reader. */
    private static List<Exported> exported(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Exported> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    var node = json.readTree(line);
                    events.add(new Exported(UUID.fromString(node.get("event").asText()),
                            node.get("messageId").asText()));
                }
            }
        }
        return events;
    }
}
