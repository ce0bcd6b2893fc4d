package org.perch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Principal;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;

/** Rooms through the admin API: New-, Set-, Get- and Remove-CsPersistentChatRoom, under the Lync rules. */
class RoomApiTest extends ApiTestBase {

    @BeforeEach
    void categories() throws Exception {
        post("/api/v1/categories", """
                {"name": "Trading", "allowedMembers": ["domain:example.org"], "deniedMembers": ["eve@example.org"]}""");
        post("/api/v1/categories", "{\"name\": \"Research\", \"allowedMembers\": [\"mike@example.org\"]}");
    }

    @Test
    void aRoomShouldBeCreatedWholeWithLyncDefaultsForWhatIsNotGiven() throws Exception {
        HttpResponse<String> created = post("/api/v1/rooms", """
                {"name": "Bond Desk", "category": "trading", "type": "auditorium",
                 "managers": ["alice@example.org"], "presenters": ["bob@example.org"]}""");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode room = Json.MAPPER.readTree(created.body());
        assertThat(room.path("address").asText()).isEqualTo("bond-desk");
        assertThat(room.path("category").asText()).isEqualTo("Trading");
        assertThat(room.path("privacy").asText()).as("Lync's default").isEqualTo("closed");
        assertThat(room.path("invitations").asText()).isEqualTo("inherit");
        Room stored = chat.roomByName("bond desk").orElseThrow();
        assertThat(stored.settings().type()).isEqualTo(RoomType.AUDITORIUM);
        assertThat(stored.roles().managers()).containsExactly(Principal.of("alice@example.org"));
        assertThat(stored.roles().managers()).as("the operator is nobody's manager").hasSize(1);
    }

    @Test
    void aRoomBreakingTheRulesShouldNotBeCreatedAtAll() throws Exception {
        HttpResponse<String> denied = post("/api/v1/rooms", """
                {"name": "Desk", "category": "Trading", "members": ["eve@example.org"]}""");
        HttpResponse<String> presenters = post("/api/v1/rooms", """
                {"name": "Desk", "category": "Trading", "presenters": ["bob@example.org"]}""");

        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(error(denied).path("message").asText()).contains("eve@example.org");
        assertThat(presenters.statusCode()).isEqualTo(400);
        assertThat(chat.roomByName("Desk")).isEmpty();
    }

    @Test
    void eachInvalidRoomFieldShouldBeNamed() throws Exception {
        assertInvalid("/api/v1/rooms", "{\"category\": \"Trading\"}", "name");
        assertInvalid("/api/v1/rooms", "{\"name\": \"Desk\"}", "category");
        assertInvalid("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\", \"privacy\": \"hidden\"}",
                "privacy");
        assertInvalid("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\", \"addin\": 7}", "addin");
        assertThat(send(local("/api/v1/rooms").header("Content-Type", "application/json").POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"Desk\", \"category\": \"Nowhere\"}")))
                .statusCode()).isEqualTo(404);
        assertThat(chat.allRooms()).isEmpty();
    }

    @Test
    void setShouldChangeSettingsAndListsAndMoveRoomsDroppingWhatTheNewCategoryRefuses() throws Exception {
        post("/api/v1/rooms", """
                {"name": "Desk", "category": "Trading", "members": ["alice@example.org", "mike@example.org"]}""");

        HttpResponse<String> changed = patch("/api/v1/rooms/desk", """
                {"privacy": "secret", "members": {"add": ["bob@example.org"], "remove": ["alice@example.org"]},
                 "description": "Bonds"}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        Room room = chat.roomByName("Desk").orElseThrow();
        assertThat(room.settings().privacy()).isEqualTo(Privacy.SECRET);
        assertThat(room.roles().members()).containsExactlyInAnyOrder(Principal.of("bob@example.org"),
                Principal.of("mike@example.org"));

        HttpResponse<String> moved = patch("/api/v1/rooms/Desk", "{\"category\": \"Research\", \"name\": \"Lab\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        Room after = chat.roomByName("Lab").orElseThrow();
        assertThat(after.roles().members()).as("Research allows only mike")
                .containsExactly(Principal.of("mike@example.org"));
        assertThat(after.address()).isEqualTo("desk");
        assertThat(patch("/api/v1/rooms/Lab", "{\"address\": \"lab\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void getShouldListRoomsWithGetCsPersistentChatRoomFilters() throws Exception {
        post("/api/v1/rooms", "{\"name\": \"Bond Desk\", \"category\": \"Trading\", \"privacy\": \"open\"}");
        post("/api/v1/rooms", "{\"name\": \"FX Desk\", \"category\": \"Trading\", \"disabled\": true}");
        post("/api/v1/rooms", "{\"name\": \"Lab\", \"category\": \"Research\", \"members\": [\"mike@example.org\"]}");

        assertThat(names("/api/v1/rooms")).containsExactly("Bond Desk", "FX Desk", "Lab");
        assertThat(names("/api/v1/rooms?category=trading")).containsExactly("Bond Desk", "FX Desk");
        assertThat(names("/api/v1/rooms?disabled=true")).containsExactly("FX Desk");
        assertThat(names("/api/v1/rooms?privacy=open")).containsExactly("Bond Desk");
        assertThat(names("/api/v1/rooms?filter=desk")).containsExactly("Bond Desk", "FX Desk");
        assertThat(names("/api/v1/rooms?member=mike@example.org")).containsExactly("Lab");
        assertThat(send(local("/api/v1/rooms?colour=red").GET()).statusCode()).isEqualTo(400);
        assertThat(send(local("/api/v1/rooms/lab").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void removeShouldDeleteTheRoom() throws Exception {
        post("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\"}");

        assertThat(send(local("/api/v1/rooms/Desk").DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(local("/api/v1/rooms/Desk").GET()).statusCode()).isEqualTo(404);
        assertThat(send(local("/api/v1/categories/Trading").DELETE()).statusCode()).as("now empty").isEqualTo(204);
    }

    @Test
    void clearShouldDeleteTheMessagesUpToTheEndDate() throws Exception {
        post("/api/v1/rooms", "{\"name\": \"Desk\", \"category\": \"Trading\"}");
        Room desk = chat.roomByName("Desk").orElseThrow();
        store.history().append(java.util.List.of(message(desk, "old", "2026-01-31T23:59:59Z"),
                message(desk, "new", "2026-02-01T00:00:00Z")));

        HttpResponse<String> cleared = post("/api/v1/rooms/desk/clear", "{\"endDate\": \"2026-01-31T23:59:59Z\"}");

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(cleared.body()).path("removed").asInt()).isEqualTo(1);
        assertThat(store.history().find(desk.id(), "old")).isEmpty();
        assertThat(store.history().find(desk.id(), "new")).isPresent();
        assertInvalid("/api/v1/rooms/desk/clear", "{\"endDate\": \"yesterday\"}", "endDate");
    }

    private static org.perch.store.chat.PostedMessage message(Room room, String id, String at) {
        return new org.perch.store.chat.PostedMessage(room.id(), id, java.time.Instant.parse(at),
                org.perch.core.Jid.of("alice@example.org"), "alice", id, "<message/>");
    }

    private java.util.List<String> names(String path) throws Exception {
        JsonNode rooms = Json.MAPPER.readTree(send(local(path).GET()).body()).path("rooms");
        java.util.List<String> names = new java.util.ArrayList<>();
        rooms.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
