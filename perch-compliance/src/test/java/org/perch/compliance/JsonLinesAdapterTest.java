package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAdapterTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("one line per event with every field, the chain link, and null (not \"\") for what is absent")
    void eachLineShouldHoldAWholeEvent() throws IOException {
        TestEvents events = TestEvents.typical();
        JsonLinesAdapter adapter = adapter(false);
        List<Path> written = adapter.translate(events.batch(42));

        assertThat(written).containsExactly(dir.resolve("perch-compliance-000000000042.jsonl"));
        List<String> lines = Files.readAllLines(written.getFirst());
        assertThat(lines).hasSize(7);
        JsonNode chat = new ObjectMapper().readTree(lines.get(1));
        ChainedEvent expected = events.events().get(1);
        assertThat(chat.get("sequence").asLong()).isEqualTo(2);
        assertThat(chat.get("event").asText()).isEqualTo(expected.event().id().toString());
        assertThat(chat.get("type").asText()).isEqualTo("CHAT");
        assertThat(chat.get("at").asText()).isEqualTo("2026-01-31T12:34:58.123456791Z");
        assertThat(chat.get("actor").asText()).isEqualTo("alice@example.org");
        assertThat(chat.get("room").get("address").asText()).isEqualTo("bond-desk");
        assertThat(chat.get("room").get("name").asText()).isEqualTo("Bond Desk");
        assertThat(chat.get("messageId").asText()).isEqualTo("m-2");
        assertThat(chat.get("content").asText()).isEqualTo("hello");
        assertThat(chat.get("prev").asText()).isEqualTo(expected.previousHash());
        assertThat(chat.get("hash").asText()).isEqualTo(expected.hash());
        JsonNode category = new ObjectMapper().readTree(lines.get(4));
        assertThat(category.get("room").isNull()).isTrue();
        assertThat(category.get("messageId").isNull()).isTrue();
        assertThat(EventJson.fromJson(chat)).isEqualTo(expected);
    }

    @Test
    @DisplayName("per-room files like the xml adapter's; a retried batch replaces them")
    void perRoomFilesShouldBeReplacedOnRetry() throws IOException {
        JsonLinesAdapter adapter = adapter(true);
        ExportBatch batch = TestEvents.typical().batch(5);
        List<Path> first = adapter.translate(batch);
        assertThat(first).extracting(p -> p.getFileName().toString()).containsExactly(
                "perch-compliance-000000000005-bond-desk.jsonl", "perch-compliance-000000000005-fx.jsonl",
                "perch-compliance-000000000005.jsonl");
        assertThat(adapter.translate(batch)).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(3);
        }
        assertThat(Files.readAllLines(first.getFirst())).hasSize(4);
    }

    private JsonLinesAdapter adapter(boolean perRoom) {
        JsonLinesAdapter adapter = new JsonLinesAdapter();
        adapter.configure(TestEvents.settings(dir, perRoom, false, false));
        assertThat(adapter.name()).isEqualTo("jsonl");
        return adapter;
    }
}
