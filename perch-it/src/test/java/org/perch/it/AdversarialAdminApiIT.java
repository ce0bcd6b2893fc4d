package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perch.admin.Json;
import org.perch.admin.LocalCredential;
import org.perch.testing.PerchTestServer;

/**
 * Issue 9, authorization audit: the admin API (docs/admin.md) and the room management page without the right
 * credentials. Every endpoint the OpenAPI document describes is called with no credential, a wrong password, a
 * made-up account, a non-administrator's right password, and each way an Authorization header can be malformed: the
 * answer is 401 {@code unauthorized} with a challenge (403 {@code forbidden} for the non-administrator), one and the
 * same body whatever the endpoint and whether what it names exists, and nothing changes. The page's API answers 401
 * without a session, 404 {@code no such room} for a room the user may not see (as for one that does not exist) and
 * 403 for one they see but do not manage.
 */
class AdversarialAdminApiIT extends AdversarialFixture {
    /** A body each changing endpoint would act on, were the caller allowed. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/categories", "{\"name\": \"Pwned\"}"),
            Map.entry("PATCH /api/v1/categories/{name}", "{\"description\": \"pwned\"}"),
            Map.entry("POST /api/v1/rooms", "{\"name\": \"Pwned\", \"category\": \"Desk\"}"),
            Map.entry("PATCH /api/v1/rooms/{name}", "{\"members\": {\"add\": [\"mallory@localhost\"]}}"),
            Map.entry("POST /api/v1/rooms/{name}/clear", "{\"endDate\": \"2100-01-01T00:00:00Z\"}"),
            Map.entry("POST /api/v1/rooms/{name}/messages/remove", "{\"userUri\": \"bob@localhost\"}"),
            Map.entry("POST /api/v1/addins", "{\"name\": \"Pwned\", \"url\": \"https://pwned.example/\"}"),
            Map.entry("PATCH /api/v1/addins/{name}", "{\"url\": \"https://pwned.example/\"}"),
            Map.entry("PATCH /api/v1/configuration", "{\"defaultChatHistory\": 1}"),
            Map.entry("POST /api/v1/policies", "{\"identity\": \"tag:pwned\", \"enablePersistentChat\": true}"),
            Map.entry("PATCH /api/v1/policies/{identity}", "{\"enablePersistentChat\": false}"),
            Map.entry("PUT /api/v1/users/{jid}/policy", "{\"policy\": null}"),
            Map.entry("PATCH /api/v1/compliance/configuration", "{\"adapterType\": \"xml\"}"),
            Map.entry("POST /api/v1/compliance/run", "{}"));

    /** Every request is answered well within this; a request left unanswered fails the test rather than hang it. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private static HttpClient https;

    @BeforeAll
    static void anAddinToTarget() throws Exception {
        https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
        PageClient.admin(server, "POST", "/api/v1/addins", "{\"name\": \"Board\", \"url\": \"https://board.example/\"}");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            no credential                        | NONE                                       | 401
            an administrator's wrong password    | BASIC root@localhost:wrong                 | 401
            a made-up account                    | BASIC nobody@localhost:anything            | 401
            a non-administrator's password       | BASIC mallory@localhost:PASSWORD           | 403
            the password for another JID form    | BASIC ROOT@LOCALHOST/x:wrong               | 401
            a password without a JID             | BASIC :PASSWORD                            | 401
            a domain for a JID                   | BASIC localhost:PASSWORD                   | 401
            no colon                             | BASIC root@localhost                       | 401
            Basic without a value                | Basic                                      | 401
            Basic with what is not base64        | Basic !!!not*base64!!!                     | 401
            Basic with two values                | Basic cm9vdA== cm9vdA==                    | 401
            Bearer without a token               | Bearer                                     | 401
            a wrong token                        | Bearer 0123456789abcdefghijklmnopqrstuvwxyzABCDEFG | 401
            the token with one more character    | TOKEN+x                                    | 401
            the token cut short                  | TOKEN-1                                    | 401
            an unsupported scheme                | Digest username="root", realm="perch"      | 401
            a scheme alone                       | Negotiate                                  | 401
            """)
    @DisplayName("docs/admin.md Credentials: every endpoint refuses alike, leaks nothing and changes nothing")
    void everyEndpointShouldRefuseABadCredential(String what, String credential, int status) throws Exception {
        String before = storeState();
        Set<String> bodies = new HashSet<>();
        for (String[] endpoint : endpoints()) {
            for (String name : List.of(SECRET_NAME, "No Such Thing")) {
                HttpResponse<String> response = https.send(admin(endpoint[0], endpoint[1], name, credential),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(what + ": " + endpoint[0] + " " + endpoint[1])
                        .isEqualTo(status);
                if (status == 401) {
                    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                            challenge -> assertThat(challenge).startsWith("Basic realm="));
                }
                JsonNode error = Json.MAPPER.readTree(response.body());
                assertThat(error.size()).isEqualTo(1);
                assertThat(error.path("error").path("code").asText())
                        .isEqualTo(status == 401 ? "unauthorized" : "forbidden");
                assertNothingHiddenIn(response.body());
                bodies.add(response.body());
            }
        }
        assertThat(bodies).as("one answer whatever the endpoint and whether it exists").hasSize(1);
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @DisplayName("docs/admin.md room management page: without a session every API call is 401 and changes nothing")
    void thePageShouldRefuseEveryCallWithoutASession() throws Exception {
        String before = storeState();
        String secretId = room(SECRET).id().toString();
        for (String cookie : List.of("", "__Host-perch-session=" + "A".repeat(43), "__Host-perch-session=")) {
            Set<String> bodies = new HashSet<>();
            for (String[] call : List.of(new String[] {"GET", "/rooms/api/rooms", null},
                    new String[] {"POST", "/rooms/api/rooms", "{\"name\": \"Pwned\", \"category\": \"Desk\"}"},
                    new String[] {"PATCH", "/rooms/api/rooms/" + secretId, "{\"description\": \"pwned\"}"},
                    new String[] {"PATCH", "/rooms/api/rooms/" + UUID.randomUUID(), "{\"description\": \"pwned\"}"},
                    new String[] {"GET", "/rooms/api/categories", null},
                    new String[] {"GET", "/rooms/api/session", null})) {
                HttpResponse<String> response = page(call[0], call[1], call[2], cookie);

                assertThat(response.statusCode()).as(cookie + " " + call[0] + " " + call[1]).isEqualTo(401);
                assertThat(Json.MAPPER.readTree(response.body()).path("error").path("code").asText())
                        .isEqualTo("unauthorized");
                bodies.add(response.body());
            }
            assertThat(bodies).hasSize(1);
        }
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @DisplayName("docs/admin.md room management page: another's room is 404 if hidden (as a missing one), else 403")
    void thePageShouldNotLetAUserEditAnothersRoom() throws Exception {
        String before = storeState();
        PageClient mallory = new PageClient(server).signIn("mallory@localhost", PerchTestServer.PASSWORD);
        PageClient bob = new PageClient(server).signIn("bob@localhost", PerchTestServer.PASSWORD);
        String change = "{\"description\": \"pwned\", \"members\": {\"add\": [\"mallory@localhost\"]}}";

        HttpResponse<String> hidden = mallory.send("PATCH", "/rooms/api/rooms/" + room(SECRET).id(), change);
        HttpResponse<String> missing = mallory.send("PATCH", "/rooms/api/rooms/" + UUID.randomUUID(), change);
        HttpResponse<String> malformed = mallory.send("PATCH", "/rooms/api/rooms/not-an-id", change);
        HttpResponse<String> seen = mallory.send("PATCH", "/rooms/api/rooms/" + room(CLOSED).id(), change);
        HttpResponse<String> asMember = bob.send("PATCH", "/rooms/api/rooms/" + room(SECRET).id(), change);
        HttpResponse<String> listed = mallory.send("GET", "/rooms/api/rooms", null);
        HttpResponse<String> bobsList = bob.send("GET", "/rooms/api/rooms", null);
        HttpResponse<String> creatable = mallory.send("GET", "/rooms/api/categories", null);

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body()).isEqualTo(malformed.body())
                .contains("\"message\":\"no such room\"");
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(403);
        assertThat(asMember.statusCode()).as(asMember.body()).isEqualTo(403);
        assertThat(listed.body()).isEqualTo("{\"rooms\":[]}");
        assertThat(creatable.body()).isEqualTo("{\"categories\":[]}");
        assertThat(bobsList.body()).contains(SECRET_NAME).contains("\"role\":\"member\"")
                .doesNotContain("alice@localhost").doesNotContain("\"members\"");
        for (HttpResponse<String> response : List.of(hidden, missing, malformed, seen, listed, creatable)) {
            assertNothingHiddenIn(response.body());
        }
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @DisplayName("RFC 9112 §9.3: a request refused before its body was read leaves the connection fit for the next")
    void refusedRequestsWithABodyShouldLeaveTheConnectionUsable() throws Exception {
        // One client, so one kept-alive connection per listener: before the fix 2 to 10 in 60 of these never got an
        // answer, since the unread body stayed on the connection.
        for (int i = 0; i < 100; i++) {
            assertThat(https.send(admin("POST", "/api/v1/categories", SECRET_NAME, null),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("admin API request %d", i).isEqualTo(401);
            assertThat(page("POST", "/rooms/api/rooms", "{\"name\": \"Pwned\", \"category\": \"Desk\"}", "")
                    .statusCode()).as("page request %d", i).isEqualTo(401);
        }
    }

    // ---- requests ----

    /** Each method and path template of the served OpenAPI document: every route the API has. */
    private static List<String[]> endpoints() throws Exception {
        HttpResponse<String> document = https.send(HttpRequest.newBuilder(URI.create(adminUrl("/api/v1/openapi.json")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        List<String[]> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : Json.MAPPER.readTree(document.body()).path("paths").properties()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    endpoints.add(new String[] {method.toUpperCase(java.util.Locale.ROOT), path.getKey()});
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(30);
        return endpoints;
    }

    /** The request, its path's names filled in (a room's or category's with {@code name}), with the credential. */
    private static HttpRequest admin(String method, String template, String name, String credential)
            throws Exception {
        String path = template.replace("{name}", encode(template.startsWith("/api/v1/categories") ? "Desk"
                : template.startsWith("/api/v1/addins") ? "Board" : name))
                .replace("{identity}", "global").replace("{jid}", "bob@localhost");
        String body = BODIES.getOrDefault(method + " " + template, "{}");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl(path)))
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        String header = authorization(credential);
        if (header != null) {
            request.header("Authorization", header);
        }
        return request.build();
    }

    private static String authorization(String credential) throws Exception {
        if (credential == null) {
            return null;
        }
        String token = LocalCredential.read(server.dataDir());
        if (credential.equals("TOKEN+x")) {
            return "Bearer " + token + "x";
        }
        if (credential.equals("TOKEN-1")) {
            return "Bearer " + token.substring(0, token.length() - 1);
        }
        if (credential.startsWith("BASIC ")) {
            String pair = credential.substring("BASIC ".length()).replace("PASSWORD", PerchTestServer.PASSWORD);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return credential;
    }

    private static HttpResponse<String> page(String method, String path, String json, String cookie)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + server.webPort() + path))
                .timeout(ANSWER_TIMEOUT).header("X-Perch-Request", "1").header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String adminUrl(String path) {
        return "https://localhost:" + server.server().adminPort() + path;
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
