package org.perch.chatdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Principal;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/**
 * Export, import into a new empty store, export again: the two files are equal byte for byte, on every backend.
 * A binding supplies fresh stores and a directory for files.
 */
interface ChatDataRoundTripContract {

    /** A new, empty store; the binding closes it after the test. */
    Store newStore();

    Path files();

    @Test
    @DisplayName("export → import into an empty store → export again gives the same bytes, and the same data")
    default void aFullExportShouldSurviveARoundTripByteForByte() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Path first = files().resolve("first.jsonl");
        DataSummary exported = ChatDataExport.toFile(source, first, DataHeader.of(DataLevel.FULL, Optional.empty()),
                false);
        assertThat(exported.describe()).isEqualTo("1 configuration, 3 policies, 0 policy grants, 2 categories, 1 add-in,"
                + " 3 rooms, 5 messages");

        Store target = newStore();
        DataSummary imported = ChatDataImport.fromFile(first, target, Optional.empty());
        assertThat(imported.records()).isEqualTo(exported.records());
        Path second = files().resolve("second.jsonl");
        ChatDataExport.toFile(target, second, DataHeader.of(DataLevel.FULL, Optional.empty()), false);

        assertThat(Files.mismatch(first, second)).as("first byte where the exports differ").isEqualTo(-1L);
        assertThat(target.configuration().load()).isEqualTo(source.configuration().load());
        assertThat(target.categories().list()).containsExactlyInAnyOrderElementsOf(source.categories().list());
        assertThat(target.addins().list()).isEqualTo(source.addins().list());
        assertThat(target.rooms().list()).containsExactlyInAnyOrderElementsOf(source.rooms().list());
        for (Room room : source.rooms().list()) {
            assertThat(history(target, room)).as(room.name()).isEqualTo(history(source, room));
        }
    }

    @Test
    @DisplayName("a history longer than a page of export and a batch of import comes back whole and in order")
    default void aLongHistoryShouldRoundTripThroughPagesAndBatches() throws IOException {
        Store source = newStore();
        Category category = Category.named("General");
        source.categories().create(category);
        Room north = Room.create("north", category.id(), "North");
        Room south = Room.create("south", category.id(), "South");
        source.rooms().create(north);
        source.rooms().create(south);
        int total = MessageKind.PAGE * 2 + Restorer.BATCH + 7;
        for (int start = 0; start < total; start += 100) {
            List<PostedMessage> batch = new ArrayList<>();
            for (int i = start; i < Math.min(total, start + 100); i++) {
                batch.add(new PostedMessage(i % 3 == 0 ? north.id() : south.id(), "m" + i,
                        SampleData.START.plusMillis(i), SampleData.ALICE, "alice", "message " + i, "<message/>"));
            }
            source.history().append(batch);
        }
        Path first = files().resolve("long-1.jsonl");
        DataSummary exported = ChatDataExport.toFile(source, first, DataHeader.of(DataLevel.FULL, Optional.empty()),
                false);

        Store target = newStore();
        ChatDataImport.fromFile(first, target, Optional.empty());
        Path second = files().resolve("long-2.jsonl");
        ChatDataExport.toFile(target, second, DataHeader.of(DataLevel.FULL, Optional.empty()), false);

        assertThat(exported.records().get("message")).isEqualTo(total);
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(history(target, north)).isEqualTo(history(source, north)).hasSize((total + 2) / 3);
    }

    @Test
    @DisplayName("the file holds every field, principals sorted, a tombstone without its text, and Unicode as UTF-8")
    default void theFileShouldShowWhatWasExported() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Path file = files().resolve("data.jsonl");
        ChatDataExport.toFile(source, file, DataHeader.of(DataLevel.FULL, Optional.empty()), false);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.getFirst())
                .isEqualTo("{\"format\":\"perch-chat-data\",\"schema\":1,\"level\":\"full\",\"since\":null}");
        assertThat(lines.get(1)).isEqualTo("{\"type\":\"configuration\",\"defaultChatHistory\":50,"
                + "\"participantUpdateLimit\":120,\"maxFileSizeKb\":10240,"
                + "\"roomManagementUrl\":\"https://rooms.example.org/manage\"}");
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("{\"format\":\"perch-chat-data\"", "{\"type\":\"configuration\"",
                        "{\"type\":\"policy\"", "{\"type\":\"policy\"", "{\"type\":\"policy\"",
                        "{\"type\":\"category\"", "{\"type\":\"category\"", "{\"type\":\"addin\"",
                        "{\"type\":\"room\"", "{\"type\":\"room\"", "{\"type\":\"room\"",
                        "{\"type\":\"message\"", "{\"type\":\"message\"", "{\"type\":\"message\"",
                        "{\"type\":\"message\"", "{\"type\":\"message\"");
        assertThat(lines.subList(2, 5)).containsExactly(
                "{\"type\":\"policy\",\"identity\":\"global\",\"description\":\"everyone\",\"enablePersistentChat\":true}",
                "{\"type\":\"policy\",\"identity\":\"site:Redmond\",\"description\":\"\",\"enablePersistentChat\":false}",
                "{\"type\":\"policy\",\"identity\":\"tag:Contractors\",\"description\":\"no chat ☕\","
                        + "\"enablePersistentChat\":false}");
        assertThat(lines.get(5)).as("categories sorted by name without case: general before Trading")
                .contains("\"name\":\"general\"");
        assertThat(lines.get(6)).contains("\"allowedMembers\":[\"domain:example.org\",\"user:zoe@other.org\"]",
                "\"deniedMembers\":[\"user:mallory@example.org\"]", "\"invitations\":true",
                "\"chatHistory\":false", "Desks — ünïcode 東京");
        assertThat(lines.get(8)).contains("\"name\":\"Archive\"", "\"privacy\":\"secret\"", "\"disabled\":true");
        assertThat(lines.get(9)).contains("\"address\":\"bond-desk\"", "\"category\":\"Trading\"",
                "\"roomType\":\"auditorium\"", "\"invitations\":\"off\"", "\"addin\":\"Ticker\"",
                "\"presenters\":[\"user:bob@example.org\"]", "\"subject\":\"Rates ☕\"");
        assertThat(lines.subList(11, 16)).extracting(l -> l.substring(l.indexOf("\"stanzaId\""), l.indexOf(",\"timestamp\"")))
                .as("history in the store's order, rooms interleaved")
                .containsExactly("\"stanzaId\":\"b1\"", "\"stanzaId\":\"a1\"", "\"stanzaId\":\"b2\"",
                        "\"stanzaId\":\"b3\"", "\"stanzaId\":\"a2\"");
        assertThat(lines.get(13)).contains("\"body\":\"\",\"payload\":\"\",\"retraction\":{\"at\":"
                + "\"2026-01-30T09:03:00.123456Z\",\"by\":\"alice@example.org\",\"moderated\":true,"
                + "\"reason\":\"off topic\"}");
        assertThat(lines.get(14)).contains("\"body\":\"Grüße 👋 東京 \\\"quoted\\\" \\\\ back\\nsecond line\\ttab\"",
                "\"retraction\":null");
    }

    @Test
    @DisplayName("the export file is rw------- and an existing file is only replaced when asked")
    default void theExportFileShouldBePrivateAndNotOverwrittenUnasked() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Path file = files().resolve("private.jsonl");
        Files.writeString(file, "keep me");
        DataHeader header = DataHeader.of(DataLevel.FULL, Optional.empty());

        assertThatThrownBy(() -> ChatDataExport.toFile(source, file, header, false))
                .isInstanceOf(ChatDataException.class)
                .hasMessage(file + " already exists; give --force to overwrite it");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        ChatDataExport.toFile(source, file, header, true);
        assertThat(Files.readString(file)).startsWith("{\"format\":\"perch-chat-data\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(files())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("private.jsonl");
        }
    }

    @Test
    @DisplayName("level configuration holds everything but history, and imports as such")
    default void theConfigurationLevelShouldHoldNoMessages() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Path file = files().resolve("configuration.jsonl");
        DataSummary exported = ChatDataExport.toFile(source, file,
                DataHeader.of(DataLevel.CONFIGURATION, Optional.empty()), false);

        assertThat(exported.describe()).isEqualTo("1 configuration, 3 policies, 0 policy grants, 2 categories,"
                + " 1 add-in, 3 rooms, 0 messages");
        assertThat(Files.readAllLines(file).getFirst()).contains("\"level\":\"configuration\"");
        assertThat(Files.readString(file)).doesNotContain("\"type\":\"message\"");
        Store target = newStore();
        ChatDataImport.fromFile(file, target, Optional.empty());
        assertThat(target.rooms().list()).hasSize(3);
        assertThat(target.history().since(0, 10)).isEmpty();
    }

    @Test
    @DisplayName("--since keeps only the messages stamped at or after it, and says so in the header")
    default void sinceShouldKeepOnlyLaterMessages() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Instant since = SampleData.START.plusSeconds(24 * 3600);
        StringWriter out = new StringWriter();

        DataSummary exported = ChatDataExport.write(source, DataHeader.of(DataLevel.FULL, Optional.of(since)), out);

        assertThat(exported.records().get("message")).isEqualTo(2);
        assertThat(out.toString()).startsWith("{\"format\":\"perch-chat-data\",\"schema\":1,\"level\":\"full\","
                        + "\"since\":\"2026-01-31T09:00:00.123456Z\"}\n")
                .contains("\"stanzaId\":\"b3\"", "\"stanzaId\":\"a2\"").doesNotContain("\"stanzaId\":\"b1\"");
    }

    @Test
    @DisplayName("a store holding only the untouched first-start category counts as empty; the file's replace it")
    default void theUntouchedFirstStartCategoryShouldBeReplaced() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Path file = files().resolve("data.jsonl");
        ChatDataExport.toFile(source, file, DataHeader.of(DataLevel.FULL, Optional.empty()), false);
        Store target = newStore();
        Set<Principal> everyone = Set.of(Principal.of("domain:example.org"));
        target.categories().create(Category.named("General").withAllowedMembers(everyone).withCreators(everyone));

        ChatDataImport.fromFile(file, target, Optional.of(new FirstStartCategory("General", "example.org")));

        assertThat(target.categories().list()).containsExactlyInAnyOrderElementsOf(source.categories().list());
    }

    @Test
    @DisplayName("a store with a room, an add-in, or any other category is refused, and left as it was")
    default void aStoreWithDataShouldBeRefused() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        Path file = files().resolve("data.jsonl");
        ChatDataExport.toFile(source, file, DataHeader.of(DataLevel.FULL, Optional.empty()), false);
        Store target = newStore();
        Set<Principal> everyone = Set.of(Principal.of("domain:example.org"));
        Category changed = Category.named("General").withAllowedMembers(everyone).withCreators(everyone)
                .withDescription("changed since the first start");
        target.categories().create(changed);
        target.rooms().create(Room.create("kept", changed.id(), "Kept"));

        assertThatThrownBy(() -> ChatDataImport.fromFile(file, target,
                Optional.of(new FirstStartCategory("General", "example.org"))))
                .isInstanceOf(ChatDataException.class)
                .hasMessage("the store already holds Persistent Chat data (1 category, 1 room); an import restores"
                        + " into an empty store only: import into a new data directory");
        assertThat(target.categories().list()).containsExactly(changed);
        assertThat(target.configuration().load()).isEmpty();

        Store policyOnly = newStore();
        policyOnly.policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
        assertThatThrownBy(() -> ChatDataImport.fromFile(file, policyOnly, Optional.empty()))
                .hasMessageStartingWith("the store already holds Persistent Chat data (1 policy (the global one"
                        + " changed, or others))");
        assertThat(policyOnly.categories().list()).isEmpty();
    }

    private static List<ChatMessage> history(Store store, Room room) {
        return store.history().query(HistoryQuery.earliest(room.id(), 10_000)).orElseThrow().messages().stream()
                .map(m -> new ChatMessage(0, m.room(), m.stanzaId(), m.timestamp(), m.sender(), m.nick(), m.body(),
                        m.payload(), m.retraction()))
                .toList();
    }

    @Test
    @DisplayName("policy grants come back when their accounts exist; otherwise the import refuses before writing")
    default void policyGrantsShouldNeedTheirAccounts() throws IOException {
        Store source = newStore();
        SampleData.populate(source);
        source.accounts().create(SampleData.account(SampleData.ALICE));
        source.policies().grant(SampleData.ALICE, new PolicyIdentity.Tag("Contractors"));
        Path first = files().resolve("grants-1.jsonl");
        ChatDataExport.toFile(source, first, DataHeader.of(DataLevel.FULL, Optional.empty()), false);
        assertThat(Files.readAllLines(first, StandardCharsets.UTF_8)).contains(
                "{\"type\":\"policy-grant\",\"user\":\"alice@example.org\",\"policy\":\"tag:Contractors\"}");

        Store withoutAccounts = newStore();
        assertThatThrownBy(() -> ChatDataImport.fromFile(first, withoutAccounts, Optional.empty()))
                .hasMessageContaining("grants policies to 1 account(s) this store does not have, such as"
                        + " alice@example.org");
        assertThat(withoutAccounts.policies().list()).containsExactly(ChatPolicy.GLOBAL_DEFAULT);
        assertThat(withoutAccounts.categories().list()).isEmpty();

        Store target = newStore();
        target.accounts().create(SampleData.account(SampleData.ALICE));
        ChatDataImport.fromFile(first, target, Optional.empty());
        Path second = files().resolve("grants-2.jsonl");
        ChatDataExport.toFile(target, second, DataHeader.of(DataLevel.FULL, Optional.empty()), false);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(target.policies().grantOf(SampleData.ALICE)).contains(new PolicyIdentity.Tag("Contractors"));
        assertThat(target.policies().list()).isEqualTo(source.policies().list());
    }
}
