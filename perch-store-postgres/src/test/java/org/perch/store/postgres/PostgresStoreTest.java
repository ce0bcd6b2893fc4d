package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.chat.Addin;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/** What the PostgreSQL backend does beyond the contracts: its errors, and databases shared by nodes and parts. */
class PostgresStoreTest {

    private static final List<Function<PostgresSettings, AutoCloseable>> OPENERS = List.of(PostgresStore::open,
            PostgresStore::openComplianceRecord, PostgresStore::openMessageIndex);
    private static final RoomId LOBBY = RoomId.random();
    private static final Jid ALICE = Jid.of("alice@example.org");
    private static final Addin WIKI = new Addin(UUID.randomUUID(), "wiki", URI.create("https://wiki.example.org/"));

    private static ChatMessage message(long id, String body) {
        return new ChatMessage(id, LOBBY, "msg-" + id, Instant.parse("2026-05-01T10:00:00Z").plusSeconds(id), ALICE,
                "alice", body, "", Optional.empty());
    }

    private static List<Long> ids(MessageIndex index, String text) {
        SearchHits hits = index.search(SearchQuery.latest(Set.of(LOBBY), text, 100));
        return hits.hits().stream().map(SearchHits.Hit::id).toList();
    }

    @Test
    void aWrongPasswordShouldFailNamingTheDatabaseAndTheReasonButNeverThePassword() {
        PostgresSettings database = TestPostgres.freshDatabase();
        String wrong = "not-the-password-" + LocalPostgres.randomSecret();
        PostgresSettings settings = new PostgresSettings(database.url(), database.user(), wrong);

        for (Function<PostgresSettings, AutoCloseable> opener : OPENERS) {
            assertThatThrownBy(() -> opener.apply(settings)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not connect to").hasMessageContaining(database.url())
                    .hasMessageContaining("SQLState 28P01").hasMessageContaining("password authentication failed")
                    .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(wrong));
        }
    }

    @Test
    void aPortWhereNothingListensShouldFailNamingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PostgresSettings settings = new PostgresSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/perch",
                "perch", "the-password-is-not-shown");

        for (Function<PostgresSettings, AutoCloseable> opener : OPENERS) {
            assertThatThrownBy(() -> opener.apply(settings)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not connect to")
                    .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/perch")
                    .hasMessageContaining("SQLState 08001")
                    .satisfies(e -> assertThat(messagesOf(e)).doesNotContain("the-password-is-not-shown"));
        }
    }

    @Test
    void twoNodesShouldShareTheStoreAndTheIndexOfOneDatabase() {
        PostgresSettings database = TestPostgres.freshDatabase();
        try (Store first = PostgresStore.open(database); Store second = PostgresStore.open(database);
             MessageIndex firstIndex = PostgresStore.openMessageIndex(database);
             MessageIndex secondIndex = PostgresStore.openMessageIndex(database)) {
            first.addins().create(WIKI);
            firstIndex.add(List.of(message(1, "needle one"), message(2, "haystack")));
            secondIndex.add(List.of(message(3, "needle three")));

            assertThat(second.addins().list()).containsExactly(WIKI);
            assertThat(ids(secondIndex, "needle")).containsExactly(1L, 3L);
            assertThat(ids(firstIndex, "needle")).containsExactly(1L, 3L);
            assertThat(firstIndex.lastIndexedId()).isEqualTo(3);
        }
    }

    @Test
    void theIndexAndTheStoreShouldMigrateOneDatabaseInEitherOrder() {
        PostgresSettings indexFirst = TestPostgres.freshDatabase();
        PostgresSettings storeFirst = TestPostgres.freshDatabase();
        PostgresStore.openMessageIndex(indexFirst).close();
        PostgresStore.open(storeFirst).close();

        for (PostgresSettings database : List.of(indexFirst, storeFirst)) {
            try (Store store = PostgresStore.open(database);
                 MessageIndex index = PostgresStore.openMessageIndex(database)) {
                store.addins().create(WIKI);
                index.add(List.of(message(1, "needle")));
            }
            try (Store store = PostgresStore.open(database);
                 MessageIndex index = PostgresStore.openMessageIndex(database)) {
                assertThat(store.addins().list()).containsExactly(WIKI);
                assertThat(ids(index, "needle")).containsExactly(1L);
            }
        }
    }

    /** Every message in the chain of causes, where a leaked secret would show in a log. */
    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }
}
