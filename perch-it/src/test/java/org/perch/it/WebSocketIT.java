package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;

/**
 * XMPP over WebSocket (RFC 7395) with the JDK's WebSocket client. The URL names {@code localhost}, not
 * 127.0.0.1, so the client verifies the certificate's host name for real (the server listens on 127.0.0.1).
 */
class WebSocketIT {
    private static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    private static PerchTestServer server;
    private static HttpClient http;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        server.addUser("alice");
        http = HttpClient.newBuilder().sslContext(server.sslContext()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stopServer() {
        http.close();
        server.close();
    }

    @Test
    @DisplayName("RFC 7395 §3.3-§3.5: open, SASL PLAIN, restart, bind and ping over wss with subprotocol xmpp")
    void clientShouldAuthenticateBindAndPingOverWebSocket() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = http.newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(URI.create("wss://localhost:" + server.httpPort() + "/xmpp-websocket"), frames)
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(ws.getSubprotocol()).isEqualTo("xmpp");
            String open = "<open xmlns='" + FRAMING + "' to='localhost' version='1.0'/>";

            ws.sendText(open, true).get(10, TimeUnit.SECONDS);
            assertThat(frames.next()).startsWith("<open").contains(FRAMING).containsPattern("from=['\"]localhost['\"]");
            String features = frames.next();
            assertThat(features).contains("<mechanism>PLAIN</mechanism>").contains("<mechanism>SCRAM-SHA-256</mechanism>");

            String credentials = Base64.getEncoder().encodeToString(
                    ("\0alice\0" + PerchTestServer.PASSWORD).getBytes(StandardCharsets.UTF_8));
            ws.sendText("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>",
                    true).get(10, TimeUnit.SECONDS);
            assertThat(frames.next()).startsWith("<success");

            ws.sendText(open, true).get(10, TimeUnit.SECONDS);
            assertThat(frames.next()).startsWith("<open");
            assertThat(frames.next()).contains("urn:ietf:params:xml:ns:xmpp-bind");

            ws.sendText("<iq type='set' id='b1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>browser</resource></bind></iq>", true).get(10, TimeUnit.SECONDS);
            assertThat(frames.next()).contains("<jid>alice@localhost/browser</jid>");

            ws.sendText("<iq type='get' id='p1' to='localhost' xmlns='jabber:client'><ping xmlns='urn:xmpp:ping'/></iq>",
                    true).get(10, TimeUnit.SECONDS);
            assertThat(frames.next()).startsWith("<iq").containsPattern("type=['\"]result['\"]")
                    .containsPattern("id=['\"]p1['\"]");

            ws.sendText("<close xmlns='" + FRAMING + "'/>", true).get(10, TimeUnit.SECONDS);
            assertThat(frames.next()).startsWith("<close");
        } finally {
            ws.abort();
        }
    }

    @Test
    @DisplayName("RFC 7395 §3.6, RFC 6120 §4.9.3.12: the stanza rate holds over WebSocket too; a flood that stays "
            + "over it gets policy-violation in a frame, then <close/>")
    void aFloodOverWebSocketShouldBeEndedWithPolicyViolation() throws Exception {
        try (PerchTestServer limited = PerchTestServer.start(Map.of("limits.stanzas-per-second", "10",
                "limits.stanza-burst", "10", "limits.flood-seconds", "2"));
             HttpClient trusting = HttpClient.newBuilder().sslContext(limited.sslContext()).build()) {
            limited.addUser("alice");
            Frames frames = new Frames();
            WebSocket ws = login(trusting, limited, frames);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                writer.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        ws.sendText("<iq type='get' id='f" + i + "' xmlns='jabber:client'><ping xmlns='urn:xmpp:ping'/>"
                                + "</iq>", true).get(30, TimeUnit.SECONDS);
                    }
                    return null;
                });
                String frame;
                int answered = 0;
                while (!(frame = frames.next(Duration.ofSeconds(20))).contains("policy-violation")) {
                    answered++;
                }
                assertThat(frame).contains("urn:ietf:params:xml:ns:xmpp-streams");
                assertThat(frames.next()).startsWith("<close");
                assertThat(answered).as("pings answered before the error").isLessThan(100);
                assertThat(limited.connectionFigures().get("closedFlooding")).isEqualTo(1);
            } finally {
                writer.shutdownNow();
                ws.abort();
            }
        }
    }

    @Test
    @DisplayName("XEP-0156 §3: host-meta lists the wss URL of the WebSocket endpoint")
    void hostMetaShouldListTheWebSocketUrl() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.httpPort() + "/.well-known/host-meta")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("urn:xmpp:alt-connections:websocket")
                .contains("wss://localhost:" + server.httpPort() + "/xmpp-websocket");
    }

    @Test
    @DisplayName("webclient.enabled=false: the page and its files answer 404, the WebSocket still works")
    void turningTheWebClientOffShouldLeaveTheWebSocket() throws Exception {
        try (PerchTestServer noPage = PerchTestServer.start(Map.of("webclient.enabled", "false"));
             HttpClient trusting = HttpClient.newBuilder().sslContext(noPage.sslContext()).build()) {
            noPage.addUser("alice");
            for (String path : new String[] {"/", "/index.html", "/perch-client.js", "/perch-config.json"}) {
                HttpResponse<String> response = trusting.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + noPage.httpPort() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
            assertThat(noPage.server().summary()).doesNotContain("web client").contains("/xmpp-websocket");

            Frames frames = new Frames();
            WebSocket ws = login(trusting, noPage, frames);
            try {
                ws.sendText("<iq type='get' id='p1' to='localhost' xmlns='jabber:client'>"
                        + "<ping xmlns='urn:xmpp:ping'/></iq>", true).get(10, TimeUnit.SECONDS);
                assertThat(frames.next()).containsPattern("type=['\"]result['\"]")
                        .containsPattern("id=['\"]p1['\"]");
            } finally {
                ws.abort();
            }
        }
    }

    /** Opens a stream over wss, logs alice in with PLAIN and binds a resource. */
    private static WebSocket login(HttpClient client, PerchTestServer target, Frames frames) throws Exception {
        WebSocket ws = client.newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(URI.create("wss://localhost:" + target.httpPort() + "/xmpp-websocket"), frames)
                .get(10, TimeUnit.SECONDS);
        String open = "<open xmlns='" + FRAMING + "' to='localhost' version='1.0'/>";
        ws.sendText(open, true).get(10, TimeUnit.SECONDS);
        frames.next();
        frames.next();
        String credentials = Base64.getEncoder().encodeToString(
                ("\0alice\0" + PerchTestServer.PASSWORD).getBytes(StandardCharsets.UTF_8));
        ws.sendText("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>",
                true).get(10, TimeUnit.SECONDS);
        assertThat(frames.next()).startsWith("<success");
        ws.sendText(open, true).get(10, TimeUnit.SECONDS);
        frames.next();
        frames.next();
        ws.sendText("<iq type='set' id='b1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                + "</iq>", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.next()).contains("<jid>");
        return ws;
    }

    /** Collects whole text messages (a message may arrive in several parts). */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean complete) {
            partial.append(data);
            if (complete) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            return next(Duration.ofSeconds(10));
        }

        String next(Duration within) throws InterruptedException {
            String m = messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(m).as("a WebSocket message within " + within).isNotNull();
            return m;
        }
    }
}
