package org.perch.chatdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.memory.InMemoryStore;

/** Every refusal of a file names the line and the field, and a refused file leaves the store untouched. */
class ChatDataImportTest {

    static final String HEADER = "{\"format\":\"perch-chat-data\",\"schema\":1,\"level\":\"full\",\"since\":null}";
    static final String CATEGORY = "{\"type\":\"category\",\"id\":\"5f0c7a8e-1d7e-4c55-9a55-6f1f2b0f0a01\","
            + "\"name\":\"General\",\"description\":\"\",\"allowedMembers\":[\"domain:example.org\"],"
            + "\"deniedMembers\":[],\"creators\":[],\"invitations\":false,\"fileUpload\":false,\"chatHistory\":true}";
    static final String ROOM = "{\"type\":\"room\",\"id\":\"5f0c7a8e-1d7e-4c55-9a55-6f1f2b0f0a02\","
            + "\"address\":\"lobby\",\"name\":\"Lobby\",\"category\":\"General\",\"description\":\"\","
            + "\"privacy\":\"closed\",\"roomType\":\"normal\",\"invitations\":\"inherit\",\"addin\":null,"
            + "\"disabled\":false,\"members\":[],\"managers\":[],\"presenters\":[],\"subject\":\"\"}";

    @TempDir
    Path tmp;
    private final Store store = new InMemoryStore();

    static String message(String stanzaId) {
        return "{\"type\":\"message\",\"room\":\"lobby\",\"stanzaId\":\"" + stanzaId + "\","
                + "\"timestamp\":\"2026-01-30T09:00:00Z\",\"sender\":\"alice@example.org\",\"nick\":\"alice\","
                + "\"body\":\"hi\",\"payload\":\"<message/>\",\"retraction\":null}";
    }

    @Test
    @DisplayName("a hand-written file with every kind of line imports")
    void aValidFileShouldImport() throws IOException {
        DataSummary summary = ChatDataImport.fromFile(file(HEADER, CATEGORY, ROOM, message("m1"), message("m2")),
                store, Optional.empty());

        assertThat(summary.describe())
                .isEqualTo("0 configurations, 0 policies, 0 policy grants, 1 category, 0 add-ins, 1 room, 2 messages");
        assertThat(store.history().since(0, 10)).extracting(m -> m.stanzaId()).containsExactly("m1", "m2");
    }

    @Test
    @DisplayName("a header with a newer schema is refused before anything else is read")
    void aNewerSchemaShouldBeRefusedFirst() throws IOException {
        Path file = file("{\"format\":\"perch-chat-data\",\"schema\":2,\"level\":\"everything\",\"new\":1}",
                "not even JSON");

        refused(file, "this file has schema 2; this Perch reads schema 1 and older: upgrade Perch to import it");
    }

    @Test
    @DisplayName("a file that is not a data file, or is empty, is refused")
    void somethingElseShouldBeRefused() throws IOException {
        refused(file("{\"type\":\"category\"}"), "line 1: not a Perch chat data file: the first line must be the"
                + " header {\"format\":\"perch-chat-data\",\"schema\":…}");
        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, "");
        refused(empty, empty + " is empty; a data file starts with its header line");
        refused(tmp.resolve("missing.jsonl"), "no file " + tmp.resolve("missing.jsonl"));
    }

    @Test
    @DisplayName("the header's fields are checked too")
    void aBadHeaderShouldBeRefused() throws IOException {
        refused(file("{\"format\":\"perch-chat-data\",\"schema\":1,\"level\":\"all\",\"since\":null}"),
                "line 1, field 'level': 'all' is not one of full, configuration");
        refused(file("{\"format\":\"perch-chat-data\",\"schema\":1,\"level\":\"full\",\"since\":\"yesterday\"}"),
                "line 1, field 'since': 'yesterday' is not an instant such as 2026-01-31T12:00:00Z");
        refused(file("{\"format\":\"perch-chat-data\",\"schema\":0,\"level\":\"full\",\"since\":null}"),
                "line 1, field 'schema': there is no schema 0; the first is 1");
    }

    @Test
    @DisplayName("an unknown type is refused with its line")
    void anUnknownTypeShouldBeRefused() throws IOException {
        refused(file(HEADER, CATEGORY, "{\"type\":\"poll\",\"question\":\"?\"}"),
                "line 3, field 'type': unknown record type 'poll'; schema 1 has configuration, policy,"
                        + " policy-grant, category, addin, room, message");
    }

    @Test
    @DisplayName("a line that is not JSON, or not one object, or empty, is refused with its line")
    void brokenLinesShouldBeRefused() throws IOException {
        assertThatThrownBy(() -> ChatDataImport.fromFile(file(HEADER, CATEGORY, "{\"type\":\"room\",", ROOM),
                store, Optional.empty()))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("line 3: not valid JSON (")
                .satisfies(e -> assertThat(((DataFileException) e).line()).isEqualTo(3));
        refused(file(HEADER, CATEGORY + " " + CATEGORY), "line 2: not valid JSON (Trailing token (of type"
                + " START_OBJECT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not"
                + " allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`)");
        refused(file(HEADER, "[1, 2]"), "line 2: not a JSON object; every line is one record {\"type\":…}");
        refused(file(HEADER, CATEGORY, ""), "line 3: an empty line; every line is one JSON record");
    }

    @Test
    @DisplayName("a missing field, a wrong type, an unknown field and an out-of-range value name their field")
    void badFieldsShouldBeRefused() throws IOException {
        refused(file(HEADER, CATEGORY, ROOM.replace("\"name\":\"Lobby\",", "")), "line 3, field 'name': missing");
        refused(file(HEADER, CATEGORY, ROOM.replace("\"disabled\":false", "\"disabled\":\"no\"")),
                "line 3, field 'disabled': must be true or false");
        refused(file(HEADER, CATEGORY, ROOM.replace("\"subject\":\"\"", "\"subject\":\"\",\"topic\":\"x\"")),
                "line 3, field 'topic': unknown field");
        refused(file(HEADER, CATEGORY, ROOM.replace("\"members\":[]", "\"members\":[\"nobody\"]")),
                "line 3, field 'members': not a principal: 'nobody' (expected user:local@domain,"
                        + " domain:example.org, or local@domain)");
        refused(file(HEADER, CATEGORY.replace("\"name\":\"General\"", "\"name\":\"" + "n".repeat(300) + "\"")),
                "line 2, field 'name': category name is 300 characters; at most 256");
        refused(file(HEADER, "{\"type\":\"configuration\",\"defaultChatHistory\":501,\"participantUpdateLimit\":75,"
                        + "\"maxFileSizeKb\":20000,\"roomManagementUrl\":null}"),
                "line 2, field 'defaultChatHistory': defaultChatHistory must be between 1 and 500, got 501");
        refused(file(HEADER, CATEGORY, ROOM, message("m1").replace("\"retraction\":null",
                        "\"retraction\":{\"at\":\"2026-01-30T09:01:00Z\",\"by\":\"alice@example.org\",\"reason\":\"\"}")),
                "line 4, field 'retraction.moderated': missing");
    }

    @Test
    @DisplayName("references must name an earlier line: a room's category and add-in, a message's room")
    void danglingReferencesShouldBeRefused() throws IOException {
        refused(file(HEADER, CATEGORY, ROOM.replace("\"category\":\"General\"", "\"category\":\"Nowhere\"")),
                "line 3, field 'category': no category named 'Nowhere' comes before this room");
        refused(file(HEADER, CATEGORY, ROOM.replace("\"addin\":null", "\"addin\":\"Ticker\"")),
                "line 3, field 'addin': no add-in named 'Ticker' comes before this room");
        refused(file(HEADER, CATEGORY, ROOM, message("m1").replace("\"room\":\"lobby\"", "\"room\":\"attic\"")),
                "line 4, field 'room': no room at 'attic' comes before this message");
    }

    @Test
    @DisplayName("kinds out of order, a name or id twice, a stanza-id twice in a room are refused")
    void conflictsShouldBeRefused() throws IOException {
        refused(file(HEADER, ROOM, CATEGORY), "line 2, field 'category': no category named 'General' comes before"
                + " this room");
        refused(file(HEADER, CATEGORY, ROOM, message("m1"), CATEGORY.replace("General", "Other")),
                "line 5, field 'type': a category line after message lines; the kinds come in the order"
                        + " configuration, policy, policy-grant, category, addin, room, message");
        refused(file(HEADER, CATEGORY, CATEGORY.replace("0a01", "0a09").replace("General", "GENERAL")),
                "line 3, field 'name': a category named 'GENERAL' comes earlier in the file");
        refused(file(HEADER, CATEGORY, ROOM, ROOM.replace("\"lobby\"", "\"hall\"").replace("Lobby", "Hall")),
                "line 4, field 'id': 5f0c7a8e-1d7e-4c55-9a55-6f1f2b0f0a02 is the id of an earlier line");
        refused(file(HEADER, CATEGORY, ROOM, message("m1"), message("m2"), message("m1")),
                "line 6, field 'stanzaId': 'm1' is already the stanza-id of line 4 in room 'lobby'");
    }

    @Test
    @DisplayName("a configuration-level file holds no messages")
    void aConfigurationLevelFileShouldHoldNoMessages() throws IOException {
        refused(file(HEADER.replace("full", "configuration"), CATEGORY, ROOM, message("m1")),
                "line 4, field 'type': a message in a configuration-level file, which holds no history");
    }

    @Test
    @DisplayName("a file that is not UTF-8 is refused with its line")
    void aFileThatIsNotUtf8ShouldBeRefused() throws IOException {
        Path file = tmp.resolve("latin1.jsonl");
        Files.write(file, (HEADER + "\n" + CATEGORY.replace("General", "Général") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        refused(file, "line 2: not UTF-8 text");
    }

    @Test
    @DisplayName("-WhatIf: whatIf checks the file and the store and writes nothing")
    void whatIfShouldWriteNothing() throws IOException {
        DataSummary summary = ChatDataImport.whatIf(file(HEADER, CATEGORY, ROOM, message("m1")), store,
                Optional.empty());

        assertThat(summary.records()).containsEntry("room", 1L).containsEntry("message", 1L);
        assertThat(store.categories().list()).isEmpty();
    }

    private void refused(Path file, String message) {
        assertThatThrownBy(() -> ChatDataImport.fromFile(file, store, Optional.empty()))
                .isInstanceOf(ChatDataException.class).hasMessage(message);
        assertThat(store.categories().list()).as("nothing written").isEmpty();
        assertThat(store.rooms().list()).isEmpty();
    }

    private Path file(String... lines) throws IOException {
        Path file = Files.createTempFile(tmp, "data-", ".jsonl");
        List<String> all = new ArrayList<>(List.of(lines));
        Files.write(file, all, StandardCharsets.UTF_8);
        return file;
    }
}
