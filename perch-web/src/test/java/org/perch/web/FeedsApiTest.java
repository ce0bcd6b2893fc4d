package org.perch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.feeds.FeedAlerts;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.domain.files.FileSettings;
import org.perch.domain.files.FileSharing;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;

/**
 * The signed-in user's topic feeds: /rooms/api/feeds/filters, /filters/{id}, /entries and /rooms, over the real
 * matcher on its own thread. Desk is a Closed room of Alice and Bob; Hall is Open to the Trading category, which
 * Carol is in.
 */
class FeedsApiTest extends WebTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FILTERS = "/rooms/api/feeds/filters";
    private static final String ENTRIES = "/rooms/api/feeds/entries";
    private static final String FILES = "https://files.example.org";

    @TempDir
    Path filesDirectory;
    TopicFeeds feeds;

    @Override
    Optional<WebFeeds> topicFeeds() {
        store.policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
        feeds = new TopicFeeds(store.topicFeeds(), store.history(), store.accounts(), chat, clock, "web-test",
                owner -> { })
                .start(FeedAlerts.NONE);
        FileSharing files = new FileSharing(store, chat, new FileSettings(filesDirectory, () -> FILES), clock,
                new SecureRandom());
        return Optional.of(new WebFeeds(feeds, Optional.of(files)));
    }

    @AfterEach
    void stopFeeds() {
        feeds.close();
    }

    @Test
    void aFilterShouldBeCreatedListedReplacedAndDeleted() throws Exception {
        Room desk = desk();
        String alice = session("alice");

        HttpResponse<String> created = call("POST", FILTERS, alice, """
                {"name": "From Bob", "alert": false, "senders": ["bob@example.org/phone"],
                 "rooms": ["desk@chat.example.org"]}""");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode filter = json(created);
        String id = filter.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(filter.path("alert").asBoolean()).isFalse();
        assertThat(filter.path("senders").toString()).as("a sender is followed by bare JID")
                .isEqualTo("[\"bob@example.org\"]");
        assertThat(filter.path("rooms").get(0).path("address").asText()).isEqualTo(desk.address());
        assertThat(filter.path("rooms").get(0).path("jid").asText()).isEqualTo("desk@chat.example.org");
        assertThat(filter.path("rooms").get(0).path("name").asText()).isEqualTo("Desk");
        assertThat(filters(alice)).extracting(f -> f.path("name").asText()).containsExactly("From Bob");

        HttpResponse<String> replaced = call("PUT", FILTERS + "/" + id, alice, """
                {"name": "Auctions", "keywords": ["auction"], "phrases": ["bond sale"], "rooms": ["desk"]}""");

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(filters(alice)).singleElement().satisfies(f -> {
            assertThat(f.path("id").asText()).isEqualTo(id);
            assertThat(f.path("name").asText()).isEqualTo("Auctions");
            assertThat(f.path("alert").asBoolean()).as("alerts are on unless the form says otherwise").isTrue();
            assertThat(f.path("keywords").toString()).isEqualTo("[\"auction\"]");
            assertThat(f.path("phrases").toString()).isEqualTo("[\"bond sale\"]");
            assertThat(f.path("senders").toString()).isEqualTo("[]");
        });

        assertThat(call("DELETE", FILTERS + "/" + id, alice, null).statusCode()).isEqualTo(204);
        assertThat(filters(alice)).isEmpty();
        HttpResponse<String> again = call("DELETE", FILTERS + "/" + id, alice, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(error(again).path("message").asText()).isEqualTo("no such filter: " + id);
    }

    @Test
    void eachBadFieldShouldBeNamedAndNothingSaved() throws Exception {
        desk();
        String carol = session("carol");
        assertRefused(carol, "{\"keywords\": [\"bond\"]}", 400, "name");
        assertRefused(carol, "{\"name\": \"  \", \"keywords\": [\"bond\"]}", 400, "name");
        assertRefused(carol, "{\"name\": \"Bonds\", \"keywords\": [\"bond auction\"]}", 400, "keywords");
        assertRefused(carol, "{\"name\": \"Bonds\", \"keywords\": \"bond\"}", 400, "keywords");
        assertRefused(carol, "{\"name\": \"Bonds\", \"keywords\": " + words(21) + "}", 400, "keywords");
        assertRefused(carol, "{\"name\": \"Bonds\", \"phrases\": [\"!!!\"]}", 400, "phrases");
        assertRefused(carol, "{\"name\": \"Bonds\", \"senders\": [\"not a jid@@\"]}", 400, "senders");
        assertRefused(carol, "{\"name\": \"Bonds\", \"senders\": [\"example.org\"]}", 400, "senders");
        assertRefused(carol, "{\"name\": \"Bonds\", \"keywords\": [\"bond\"], \"alert\": \"yes\"}", 400, "alert");
        assertRefused(carol, "{\"name\": \"Bonds\", \"keywords\": [\"bond\"], \"owner\": \"x\"}", 400, "owner");
        HttpResponse<String> hidden = assertRefused(carol, "{\"name\": \"Desk\", \"rooms\": [\"desk\"]}", 404,
                "rooms");
        assertThat(error(hidden).path("message").asText()).as("a room Carol may not read is not there for her")
                .isEqualTo("no such room: desk");
        assertRefused(carol, "{\"name\": \"Hall\", \"rooms\": [\"hall@chat.elsewhere.org\"]}", 404, "rooms");

        HttpResponse<String> empty = call("POST", FILTERS, carol, "{\"name\": \"Nothing\", \"keywords\": [\" \"]}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(error(empty).path("message").asText()).isEqualTo(
                "a filter needs a keyword, a phrase, a sender or a room");
        assertThat(error(empty).has("field")).as("the filter as a whole is at fault").isFalse();
        assertThat(filters(carol)).isEmpty();
    }

    @Test
    void anotherUsersFilterShouldNotBeThereForMe() throws Exception {
        String alice = session("alice");
        String id = json(call("POST", FILTERS, alice, "{\"name\": \"Bonds\", \"keywords\": [\"bond\"]}"))
                .path("id").asText();
        String bob = session("bob");

        HttpResponse<String> replaced = call("PUT", FILTERS + "/" + id, bob,
                "{\"name\": \"Mine now\", \"keywords\": [\"gilts\"]}");
        HttpResponse<String> deleted = call("DELETE", FILTERS + "/" + id, bob, null);

        assertThat(replaced.statusCode()).isEqualTo(404);
        assertThat(error(replaced).path("message").asText()).isEqualTo("no such filter: " + id);
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(filters(bob)).isEmpty();
        assertThat(filters(alice)).singleElement().satisfies(f -> assertThat(f.path("name").asText())
                .isEqualTo("Bonds"));
    }

    @Test
    void aMatchingPostShouldAppearInMyFeedButNotInTheFeedOfOneWhoMayNotReadTheRoom() throws Exception {
        Room desk = desk();
        String alice = session("alice");
        String carol = session("carol");
        String filterId = json(call("POST", FILTERS, alice, "{\"name\": \"Auctions\", \"keywords\": [\"auction\"]}"))
                .path("id").asText();
        assertThat(call("POST", FILTERS, carol, "{\"name\": \"Auctions\", \"keywords\": [\"auction\"]}")
                .statusCode()).isEqualTo(201);

        post(desk, "bob", "lunch at one?");
        ChatMessage match = post(desk, "bob", "The AUCTION opens at ten");

        await().atMost(WAIT).until(() -> entries(alice, "").size() == 1);
        JsonNode entry = entries(alice, "").getFirst();
        assertThat(entry.path("body").asText()).isEqualTo("The AUCTION opens at ten");
        assertThat(entry.path("sender").asText()).isEqualTo("bob");
        assertThat(entry.path("room").path("name").asText()).isEqualTo("Desk");
        assertThat(entry.path("room").path("jid").asText()).isEqualTo("desk@chat.example.org");
        assertThat(entry.path("at").asText()).isEqualTo(match.timestamp().toString());
        assertThat(entry.path("filters").toString()).isEqualTo("[\"" + filterId + "\"]");
        await().atMost(WAIT).until(() -> feeds.matchedThrough() >= match.id());
        assertThat(entries(carol, "")).as("Desk is closed to Carol").isEmpty();
    }

    @Test
    void theFeedShouldPageFromNewestToOldestWithNextBefore() throws Exception {
        Room desk = desk();
        String alice = session("alice");
        call("POST", FILTERS, alice, "{\"name\": \"Bonds\", \"keywords\": [\"bond\"]}");
        IntStream.range(0, 3).forEach(i -> post(desk, "bob", "bond " + i));
        await().atMost(WAIT).until(() -> entries(alice, "").size() == 3);

        JsonNode first = json(call("GET", ENTRIES + "?max=2", alice, null));
        JsonNode second = json(call("GET", ENTRIES + "?max=2&before=" + first.path("nextBefore").asLong(), alice,
                null));

        assertThat(bodies(first)).containsExactly("bond 2", "bond 1");
        assertThat(first.path("nextBefore").isNumber()).isTrue();
        assertThat(bodies(second)).containsExactly("bond 0");
        assertThat(second.path("nextBefore").isNull()).as("the feed's end").isTrue();
        for (String bad : List.of("max=0", "max=101", "max=ten")) {
            HttpResponse<String> refused = call("GET", ENTRIES + "?" + bad, alice, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(error(refused).path("field").asText()).isEqualTo("max");
        }
        assertThat(error(call("GET", ENTRIES + "?before=latest", alice, null)).path("field").asText())
                .isEqualTo("before");
    }

    @Test
    void aFileLinkInAnEntryShouldBeTheReadersOwn() throws Exception {
        Room desk = desk();
        String alice = session("alice");
        call("POST", FILTERS, alice, "{\"name\": \"Reports\", \"keywords\": [\"report\"]}");
        String canonical = FILES + "/upload/AbCdEfGhIjKlMnOpQrSt1234/report.pdf";

        post(desk, "bob", "the report: " + canonical);

        await().atMost(WAIT).until(() -> entries(alice, "").size() == 1);
        String body = entries(alice, "").getFirst().path("body").asText();
        assertThat(body).startsWith("the report: " + canonical + "?u=alice%40example.org&t=");
    }

    @Test
    void theRoomsAFilterMayNameShouldBeThoseWhoseHistoryIMayRead() throws Exception {
        desk();
        chat.createRoom(OPERATOR, chat.categoryByName("Trading").orElseThrow().id(), "hall", "Hall",
                r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)));

        JsonNode alices = json(call("GET", "/rooms/api/feeds/rooms", session("alice"), null)).path("rooms");
        JsonNode carols = json(call("GET", "/rooms/api/feeds/rooms", session("carol"), null)).path("rooms");

        assertThat(StreamSupport.stream(alices.spliterator(), false).map(r -> r.path("name").asText()))
                .containsExactly("Desk", "Hall");
        assertThat(carols).singleElement().satisfies(r -> {
            assertThat(r.path("address").asText()).isEqualTo("hall");
            assertThat(r.path("jid").asText()).isEqualTo("hall@chat.example.org");
        });
    }

    @Test
    void changesShouldNeedTheSessionAndThePagesHeader() throws Exception {
        String alice = session("alice");
        String filter = "{\"name\": \"Bonds\", \"keywords\": [\"bond\"]}";

        HttpResponse<String> noHeader = send(request(FILTERS).header("Cookie", SessionCookie.NAME + "=" + alice)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(filter)));
        HttpResponse<String> otherSite = send(pageRequest(FILTERS, alice).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(filter)));
        HttpResponse<String> signedOut = call("POST", FILTERS, null, filter);

        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(call("GET", ENTRIES, null, null).statusCode()).isEqualTo(401);
        assertThat(filters(alice)).isEmpty();
    }

    // ---- helpers ----

    private Room desk() {
        return chat.createRoom(OPERATOR, chat.categoryByName("Trading").orElseThrow().id(), "desk", "Desk",
                r -> r.withSettings(r.settings().withPrivacy(Privacy.CLOSED)).withRoles(r.roles().withMembers(
                        Set.of(Principal.user(Jid.of("alice@example.org")), Principal.user(Jid.of("bob@example.org"))))));
    }

    /** Stores the message as the server's history writer does, and tells the matcher, as the writer does. */
    private ChatMessage post(Room room, String sender, String body) {
        ChatMessage stored = store.history().append(List.of(new PostedMessage(room.id(), UUID.randomUUID().toString(),
                clock.instant(), Jid.of(sender + "@example.org"), sender, body, "<message/>"))).getFirst();
        feeds.wake();
        return stored;
    }

    private List<JsonNode> filters(String session) throws Exception {
        HttpResponse<String> response = call("GET", FILTERS, session, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("filters").spliterator(), false).toList();
    }

    private List<JsonNode> entries(String session, String query) throws Exception {
        HttpResponse<String> response = call("GET", ENTRIES + query, session, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).path("entries").spliterator(), false).toList();
    }

    private static List<String> bodies(JsonNode page) {
        return StreamSupport.stream(page.path("entries").spliterator(), false).map(e -> e.path("body").asText())
                .toList();
    }

    private static String words(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"w" + i + "\"").toList().toString();
    }

    private HttpResponse<String> assertRefused(String session, String body, int status, String field)
            throws Exception {
        HttpResponse<String> response = call("POST", FILTERS, session, body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(status);
        assertThat(error(response).path("field").asText()).as(body).isEqualTo(field);
        return response;
    }
}
