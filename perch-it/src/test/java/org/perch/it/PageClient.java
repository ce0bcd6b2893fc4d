package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.perch.admin.LocalCredential;
import org.perch.testing.PerchTestServer;

/**
 * Talks to a running server's room management page as its script does (HTTPS with the server's certificate, JSON,
 * the intent header, the session cookie), and to its admin API with the local credential for the set-up.
 */
final class PageClient {

    private final PerchTestServer server;
    private final HttpClient https;
    private String session;

    PageClient(PerchTestServer server) {
        this.server = server;
        this.https = HttpClient.newBuilder().sslContext(server.sslContext()).build();
    }

    /** Signs in; the session cookie goes with every later request. */
    PageClient signIn(String jid, String password) throws Exception {
        HttpResponse<String> response = send("POST", "/rooms/api/session",
                "{\"jid\": \"" + jid + "\", \"password\": \"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        session = cookie.substring(0, cookie.indexOf(';'));
        return this;
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + server.webPort() + path))
                .header("X-Perch-Request", "1").header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            request.header("Cookie", session);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs an admin API request as the server's operator; fails unless it succeeds. */
    static void admin(PerchTestServer server, String method, String path, String json) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(server.sslContext()).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + server.server().adminPort() + path))
                .header("Authorization", "Bearer " + LocalCredential.read(server.dataDir()))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    }
}
