package org.perch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomType;

/** The signed-in user's rooms and categories: /rooms/api/rooms, /rooms/api/rooms/{id}, /rooms/api/categories. */
class MyRoomsApiTest extends WebTestBase {

    @Test
    void categoriesShouldBeThoseTheUserMayCreateRoomsIn() throws Exception {
        HttpResponse<String> alices = call("GET", "/rooms/api/categories", session("alice"), null);
        HttpResponse<String> bobs = call("GET", "/rooms/api/categories", session("bob"), null);
        HttpResponse<String> roots = call("GET", "/rooms/api/categories", session("root"), null);

        assertThat(alices.statusCode()).isEqualTo(200);
        assertThat(names(json(alices).path("categories"))).containsExactly("Trading");
        assertThat(json(alices).path("categories").get(0).path("description").asText()).isEqualTo("Trading desks");
        assertThat(names(json(bobs).path("categories"))).isEmpty();
        assertThat(names(json(roots).path("categories"))).as("an administrator creates anywhere")
                .containsExactly("Research", "Trading");
    }

    @Test
    void aCreatedRoomShouldBeStoredWholeWithTheCreatorAsManager() throws Exception {
        HttpResponse<String> created = call("POST", "/rooms/api/rooms", session("alice"), """
                {"name": "Bond Desk", "category": "trading", "description": "Bonds", "privacy": "open",
                 "type": "auditorium", "presenters": ["carol@example.org"]}""");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode room = json(created);
        assertThat(room.path("jid").asText()).isEqualTo("bond-desk@chat.example.org");
        assertThat(room.path("role").asText()).isEqualTo("manager");
        assertThat(room.path("category").asText()).isEqualTo("Trading");
        assertThat(room.path("managers").toString()).isEqualTo("[\"alice@example.org\"]");
        Room stored = chat.roomByName("bond desk").orElseThrow();
        assertThat(stored.description()).isEqualTo("Bonds");
        assertThat(stored.settings().privacy()).isEqualTo(Privacy.OPEN);
        assertThat(stored.settings().type()).isEqualTo(RoomType.AUDITORIUM);
        assertThat(stored.roles().managers()).containsExactly(Principal.of("alice@example.org"));
        assertThat(stored.roles().presenters()).containsExactly(Principal.of("carol@example.org"));
        assertThat(room.path("id").asText()).isEqualTo(stored.id().toString());
    }

    @Test
    void aRoomShouldBeClosedAndNormalUnlessTheFormSaysOtherwise() throws Exception {
        HttpResponse<String> created = call("POST", "/rooms/api/rooms", session("alice"), """
                {"name": "Desk", "category": "Trading", "members": {"add": ["bob@example.org"]}}""");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Room stored = chat.roomByName("desk").orElseThrow();
        assertThat(stored.settings().privacy()).isEqualTo(Privacy.CLOSED);
        assertThat(stored.settings().type()).isEqualTo(RoomType.NORMAL);
        assertThat(stored.roles().members()).containsExactlyInAnyOrder(Principal.of("alice@example.org"),
                Principal.of("bob@example.org"));
    }

    @Test
    void eachBadCreateFieldShouldBeNamedAndNothingCreated() throws Exception {
        String alice = session("alice");
        assertRefused(alice, "{\"category\": \"Trading\"}", 400, "name");
        assertRefused(alice, "{\"name\": \"  \", \"category\": \"Trading\"}", 400, "name");
        assertRefused(alice, "{\"name\": \"!!!\", \"category\": \"Trading\"}", 400, "name");
        assertRefused(alice, "{\"name\": \"" + "n".repeat(257) + "\", \"category\": \"Trading\"}", 400, "name");
        assertRefused(alice, "{\"name\": \"Desk\"}", 400, "category");
        assertRefused(alice, "{\"name\": \"Desk\", \"category\": \"Nowhere\"}", 400, "category");
        assertRefused(alice, "{\"name\": \"Desk\", \"category\": \"Trading\", \"privacy\": \"hidden\"}", 400,
                "privacy");
        assertRefused(alice, "{\"name\": \"Desk\", \"category\": \"Trading\", \"type\": \"stage\"}", 400, "type");
        assertRefused(alice, "{\"name\": \"Desk\", \"category\": \"Trading\", \"description\": \"" + "d".repeat(257)
                + "\"}", 400, "description");
        assertRefused(alice, "{\"name\": \"Desk\", \"category\": \"Trading\", \"address\": \"desk\"}", 400,
                "address");
        assertRefused(alice, "{\"name\": \"Desk\", \"category\": \"Trading\", \"members\": [\"not a jid@\"]}", 400,
                "members");
        assertThat(chat.allRooms()).isEmpty();
    }

    @Test
    void theDomainsRefusalsShouldComeBackInItsWordsNamingTheField() throws Exception {
        String alice = session("alice");
        HttpResponse<String> denied = assertRefused(alice, """
                {"name": "Desk", "category": "Trading", "members": ["bob@example.org", "eve@example.org"]}""",
                400, "members");
        assertThat(error(denied).path("message").asText()).isEqualTo(
                "category 'Trading' does not allow user:eve@example.org");
        HttpResponse<String> presenters = assertRefused(alice, """
                {"name": "Desk", "category": "Trading", "presenters": ["bob@example.org"]}""", 400, "presenters");
        assertThat(error(presenters).path("message").asText()).contains("only Auditorium rooms have presenters");
        HttpResponse<String> notCreator = assertRefused(session("bob"), """
                {"name": "Desk", "category": "Trading"}""", 403, "category");
        assertThat(error(notCreator).path("message").asText()).contains("only creators of category 'Trading'");
        assertRefused(session("mike"), "{\"name\": \"Desk\", \"category\": \"Research\"}", 403, "category");
        assertThat(chat.allRooms()).isEmpty();

        assertThat(call("POST", "/rooms/api/rooms", alice, "{\"name\": \"Desk\", \"category\": \"Trading\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> taken = assertRefused(alice, "{\"name\": \"DESK\", \"category\": \"Trading\"}", 409,
                "name");
        assertThat(error(taken).path("code").asText()).isEqualTo("conflict");
        assertRefused(alice, "{\"name\": \"Trading\", \"category\": \"Trading\"}", 409, "name");
    }

    @Test
    void myRoomsShouldBeThoseIManageOrAmInWithMyRoleAndListsOnlyWhereIManage() throws Exception {
        Room managed = room("Alpha", Privacy.CLOSED, RoomType.NORMAL, roles(Set.of("bob"), Set.of("bob"), Set.of()));
        Room member = room("beta", Privacy.SECRET, RoomType.NORMAL, roles(Set.of("alice", "bob"), Set.of(), Set.of()));
        Room presenter = room("Gamma", Privacy.CLOSED, RoomType.AUDITORIUM, roles(Set.of(), Set.of(), Set.of("bob")));
        room("Delta", Privacy.OPEN, RoomType.NORMAL, roles(Set.of(), Set.of("alice"), Set.of()));
        Room disabled = room("Epsilon", Privacy.CLOSED, RoomType.NORMAL, roles(Set.of(), Set.of("bob"), Set.of()));
        chat.setDisabled(OPERATOR, disabled.id(), true);
        Room disabledMember = room("Zeta", Privacy.CLOSED, RoomType.NORMAL, roles(Set.of("bob"), Set.of(), Set.of()));
        chat.setDisabled(OPERATOR, disabledMember.id(), true);

        HttpResponse<String> response = call("GET", "/rooms/api/rooms", session("bob"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rooms = json(response).path("rooms");
        assertThat(names(rooms)).containsExactly("Alpha", "beta", "Epsilon", "Gamma");
        assertThat(rooms.get(0).path("role").asText()).isEqualTo("manager");
        assertThat(rooms.get(0).path("members").toString()).isEqualTo("[\"bob@example.org\"]");
        assertThat(rooms.get(0).path("jid").asText()).isEqualTo(managed.address() + "@chat.example.org");
        assertThat(rooms.get(1).path("role").asText()).isEqualTo("member");
        assertThat(rooms.get(1).has("members")).as("a member is not shown the lists").isFalse();
        assertThat(rooms.get(1).path("id").asText()).isEqualTo(member.id().toString());
        assertThat(rooms.get(2).path("disabled").asBoolean()).as("a manager may still see a disabled room").isTrue();
        assertThat(rooms.get(3).path("role").asText()).isEqualTo("presenter");
        assertThat(rooms.get(3).path("id").asText()).isEqualTo(presenter.id().toString());
        assertThat(names(json(call("GET", "/rooms/api/rooms", session("carol"), null)).path("rooms"))).isEmpty();
    }

    @Test
    void aManagerShouldEditDescriptionPrivacyAndRoles() throws Exception {
        Room room = room("Desk", Privacy.CLOSED, RoomType.AUDITORIUM, roles(Set.of("bob"), Set.of("alice"), Set.of()));

        HttpResponse<String> edited = call("PATCH", "/rooms/api/rooms/" + room.id(), session("alice"), """
                {"description": "Bonds and gilts", "privacy": "secret", "members": ["carol@example.org"],
                 "managers": {"add": ["bob@example.org"]}, "presenters": ["carol@example.org"]}""");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).path("description").asText()).isEqualTo("Bonds and gilts");
        assertThat(json(edited).path("role").asText()).isEqualTo("manager");
        Room stored = chat.room(room.id()).orElseThrow();
        assertThat(stored.description()).isEqualTo("Bonds and gilts");
        assertThat(stored.settings().privacy()).isEqualTo(Privacy.SECRET);
        assertThat(stored.roles().members()).containsExactly(Principal.of("carol@example.org"));
        assertThat(stored.roles().managers()).containsExactlyInAnyOrder(Principal.of("alice@example.org"),
                Principal.of("bob@example.org"));
        assertThat(stored.roles().presenters()).containsExactly(Principal.of("carol@example.org"));
    }

    @Test
    void aManagerWhoRemovesThemselvesShouldBeToldTheyNoLongerManageIt() throws Exception {
        Room room = room("Desk", Privacy.OPEN, RoomType.NORMAL, roles(Set.of(), Set.of("alice", "bob"), Set.of()));

        HttpResponse<String> edited = call("PATCH", "/rooms/api/rooms/" + room.id(), session("alice"),
                "{\"managers\": [\"bob@example.org\"]}");

        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json(edited).path("role").asText()).isEqualTo("none");
        assertThat(json(edited).has("managers")).isFalse();
    }

    @Test
    void anEditShouldBeRefusedUnlessTheUserManagesTheRoomAsTheDomainDecides() throws Exception {
        Room closed = room("Desk", Privacy.CLOSED, RoomType.NORMAL, roles(Set.of("bob"), Set.of("alice"), Set.of()));
        Room secret = room("Vault", Privacy.SECRET, RoomType.NORMAL, roles(Set.of(), Set.of("alice"), Set.of()));
        String bob = session("bob");

        HttpResponse<String> member = call("PATCH", "/rooms/api/rooms/" + closed.id(), bob,
                "{\"description\": \"mine now\"}");
        HttpResponse<String> hidden = call("PATCH", "/rooms/api/rooms/" + secret.id(), bob,
                "{\"description\": \"mine now\"}");
        HttpResponse<String> malformed = call("PATCH", "/rooms/api/rooms/not-a-room", bob, "{}");

        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(error(member).path("message").asText()).contains("only managers of room 'Desk'");
        assertThat(hidden.statusCode()).as("a Secret room is not even there for bob").isEqualTo(404);
        assertThat(error(hidden).path("message").asText()).isEqualTo(error(malformed).path("message").asText());
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(chat.room(closed.id()).orElseThrow().description()).isEmpty();
        assertThat(chat.room(secret.id()).orElseThrow().description()).isEmpty();
    }

    @Test
    void eachBadEditFieldShouldBeNamedAndTheRoomLeftAsItWas() throws Exception {
        Room room = room("Desk", Privacy.CLOSED, RoomType.NORMAL, roles(Set.of("bob"), Set.of("alice"), Set.of()));
        String alice = session("alice");
        String path = "/rooms/api/rooms/" + room.id();

        assertEditRefused(alice, path, "{\"name\": \"Renamed\"}", 400, "name");
        assertEditRefused(alice, path, "{\"type\": \"auditorium\"}", 400, "type");
        assertEditRefused(alice, path, "{\"privacy\": \"public\"}", 400, "privacy");
        assertEditRefused(alice, path, "{\"description\": 3}", 400, "description");
        assertEditRefused(alice, path, "{\"members\": \"bob@example.org\"}", 400, "members");
        assertEditRefused(alice, path, "{\"members\": {\"add\": [\"eve@example.org\"]}}", 400, "members");
        assertEditRefused(alice, path, "{\"managers\": [\"alice@example.org\", \"eve@example.org\"]}", 400,
                "managers");
        assertEditRefused(alice, path, "{\"presenters\": [\"bob@example.org\"]}", 400, "presenters");
        assertThat(chat.room(room.id())).hasValue(room);

        assertThat(send(request(path).header("Cookie", SessionCookie.NAME + "=" + alice)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"description\": \"x\"}")))
                .statusCode()).as("no intent header").isEqualTo(403);
        assertThat(send(pageRequest(path, alice).setHeader("Content-Type", "text/plain")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("x"))).statusCode())
                .isEqualTo(415);
        assertThat(call("PATCH", path, null, "{\"description\": \"x\"}").statusCode()).isEqualTo(401);
        assertThat(call("DELETE", path, alice, null).statusCode()).as("managers only disable rooms; not here")
                .isEqualTo(405);
        assertThat(chat.room(room.id())).hasValue(room);
    }

    // ---- helpers ----

    private Room room(String name, Privacy privacy, RoomType type, RoomRoles roles) {
        return chat.createRoom(OPERATOR, chat.categoryByName("Trading").orElseThrow().id(),
                name.toLowerCase(java.util.Locale.ROOT), name, r -> r.withSettings(r.settings().withPrivacy(privacy)
                        .withType(type)).withRoles(roles));
    }

    private static RoomRoles roles(Set<String> members, Set<String> managers, Set<String> presenters) {
        return new RoomRoles(users(members), users(managers), users(presenters));
    }

    private static Set<Principal> users(Set<String> locals) {
        return Set.copyOf(locals.stream().map(l -> Principal.user(Jid.of(l + "@example.org"))).toList());
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    private HttpResponse<String> assertRefused(String session, String body, int status, String field)
            throws Exception {
        HttpResponse<String> response = call("POST", "/rooms/api/rooms", session, body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(status);
        assertThat(error(response).path("field").asText()).as(body).isEqualTo(field);
        return response;
    }

    private void assertEditRefused(String session, String path, String body, int status, String field)
            throws Exception {
        HttpResponse<String> response = call("PATCH", path, session, body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(status);
        assertThat(error(response).path("field").asText()).as(body).isEqualTo(field);
    }
}
