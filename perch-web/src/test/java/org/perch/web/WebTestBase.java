package org.perch.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.perch.admin.Json;
import org.perch.admin.PasswordCheck;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.memory.InMemoryStore;

/**
 * The room management page on real HTTP on loopback over an in-memory store. Category Trading: everyone at
 * example.org but eve, alice a creator; category Research: mike only. root is an administrator.
 */
abstract class WebTestBase {

    static final Jid OPERATOR = Jid.domainOnly("example.org");
    static final String PASSWORD = "correct horse battery staple";

    final MutableClock clock = new MutableClock();
    final Store store = new InMemoryStore();
    final ChatRooms chat = new ChatRooms(store, ChatSettings.DEFAULTS, clock, e -> { }, OPERATOR);
    final HttpClient http = HttpClient.newHttpClient();
    SignInGate gate = SignInGate.EVERYONE;
    RoomManagementSite site;

    @BeforeEach
    void start() {
        AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(), clock);
        for (String user : new String[] {"root", "alice", "bob", "carol", "eve", "mike"}) {
            accounts.add(Jid.of(user + "@example.org"), PASSWORD);
        }
        accounts.grantAdmin(Jid.of("root@example.org"));
        chat.createCategory(OPERATOR, Category.named("Trading").withAllowedMembers(Set.of(Principal.of("domain:example.org")))
                .withDeniedMembers(Set.of(Principal.of("eve@example.org")))
                .withCreators(Set.of(Principal.of("alice@example.org"))).withDescription("Trading desks"));
        chat.createCategory(OPERATOR, Category.named("Research")
                .withAllowedMembers(Set.of(Principal.of("mike@example.org"))));
        site = RoomManagementSite.start("127.0.0.1", 0, Optional.empty(), new WebServices(chat,
                new PasswordCheck(store.accounts(), LoginThrottle.withDefaults(clock)), user -> gate.refusal(user),
                "chat.example.org", clock, topicFeeds()));
    }

    /** The topic feeds the page offers; none unless a test class brings its own. */
    Optional<WebFeeds> topicFeeds() {
        return Optional.empty();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    // ---- helpers ----

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path));
    }

    /** A request as the page's script makes it: JSON, with the intent header, and the session cookie if any. */
    HttpRequest.Builder pageRequest(String path, String session) {
        HttpRequest.Builder request = request(path).header("X-Perch-Request", "1")
                .header("Content-Type", "application/json");
        return session == null ? request : request.header("Cookie", SessionCookie.NAME + "=" + session);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String path, String session, String json)
            throws IOException, InterruptedException {
        return send(pageRequest(path, session).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> signIn(String jid, String password) throws IOException, InterruptedException {
        return call("POST", "/rooms/api/session", null, Json.MAPPER.writeValueAsString(Map.of("jid", jid,
                "password", password)));
    }

    /** Signs the user in and returns the session id from the cookie. */
    String session(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = signIn(user + "@example.org", PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.body());
        }
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    static JsonNode error(HttpResponse<String> response) throws IOException {
        return json(response).path("error");
    }

    /** A clock the tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
