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
import java.util.concurrent.CompletionStage;
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
    @DisplayName("XEP-0156 §3: host-meta lists the wss URL of the WebSocket endpoint")
    void hostMetaShouldListTheWebSocketUrl() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.httpPort() + "/.well-known/host-meta")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("urn:xmpp:alt-connections:websocket")
                .contains("wss://localhost:" + server.httpPort() + "/xmpp-websocket");
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
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a WebSocket message within 10 s").isNotNull();
            return m;
        }
    }
}
