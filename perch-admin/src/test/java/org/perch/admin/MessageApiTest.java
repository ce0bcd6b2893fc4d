package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/** Remove-CsPersistentChatMessage through the admin API. */
class MessageApiTest extends ApiTestBase {

    private static final String PATH = "/api/v1/rooms/Desk/messages/remove";
    private Room desk;

    @BeforeEach
    void room() throws Exception {
        post("/api/v1/categories", "{\"name\": \"Trading\"}");
        post("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\"}");
        desk = chat.roomByName("Desk").orElseThrow();
        store.history().append(List.of(
                message("m1", "alice@example.org", "2026-01-01T09:00:00Z", "the budget is final"),
                message("m2", "root@example.org", "2026-01-02T09:00:00Z", "budget attached"),
                message("m3", "alice@example.org", "2026-01-03T09:00:00Z", "lunch?")));
    }

    @Test
    void matchingMessagesShouldBeReplacedWithTheGivenText() throws Exception {
        HttpResponse<String> removed = post(PATH, "{\"userUri\": \"sip:alice@example.org\","
                + " \"messageText\": \"BUDGET\", \"replaceMessage\": \"Removed by compliance\"}");

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(removed.body()).path("removed").asInt()).isEqualTo(1);
        assertThat(store.history().find(desk.id(), "m1").orElseThrow().retraction().orElseThrow().reason())
                .isEqualTo("Removed by compliance");
        assertThat(store.history().find(desk.id(), "m2").orElseThrow().retracted()).isFalse();
    }

    @Test
    void removeShouldDeleteWithinTheDates() throws Exception {
        HttpResponse<String> removed = post(PATH, "{\"startDate\": \"2026-01-02T00:00:00Z\","
                + " \"endDate\": \"2026-01-03T09:00:00Z\", \"remove\": true}");

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(removed.body()).path("removed").asInt()).isEqualTo(2);
        assertThat(store.history().find(desk.id(), "m2")).isEmpty();
        assertThat(store.history().find(desk.id(), "m1")).isPresent();
    }

    @Test
    void mistakesShouldBeRefusedNamingTheField() throws Exception {
        assertInvalid(PATH, "{\"messageText\": \"budget\", \"matchClause\": \"some\"}", "matchClause");
        assertInvalid(PATH, "{\"startDate\": \"yesterday\"}", "startDate");
        assertInvalid(PATH, "{\"endDate\": \"2026-13-01\"}", "endDate");
        assertInvalid(PATH, "{\"userUri\": \"a@b@c\"}", "userUri");
        assertInvalid(PATH, "{\"messageText\": \"x\", \"remove\": true, \"replaceMessage\": \"y\"}",
                "replaceMessage");
        assertInvalid(PATH, "{\"messageText\": \"x\", \"colour\": \"red\"}", "colour");
        HttpResponse<String> nothing = post(PATH, "{}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(error(nothing).path("message").asText()).contains("say which messages");
        HttpResponse<String> reversed = post(PATH, "{\"startDate\": \"2026-02-01T00:00:00Z\","
                + " \"endDate\": \"2026-01-01T00:00:00Z\"}");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/rooms/Nowhere/messages/remove", "{\"messageText\": \"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(store.history().find(desk.id(), "m1").orElseThrow().retracted()).isFalse();
    }

    private PostedMessage message(String id, String sender, String at, String body) {
        return new PostedMessage(desk.id(), id, Instant.parse(at), Jid.of(sender), "nick", body, "<message/>");
    }
}
