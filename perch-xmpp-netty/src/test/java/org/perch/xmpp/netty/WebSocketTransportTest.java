package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebSocketTransportTest {
    private static final String OPEN = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.test' "
            + "version='1.0'/>";

    private final RecordingFactory sessions = new RecordingFactory();
    private final HttpClient http = HttpClient.newBuilder().sslContext(TestCertificates.clientContext()).build();
    private XmppTransport transport;

    @BeforeEach
    void start() {
        transport = TestTransports.start(TestTransports.config(), sessions);
    }

    @AfterEach
    void stop() {
        transport.close();
        http.close();
    }

    @Test
    @DisplayName("RFC 7395 §3.3-3.6: open, features, element and close travel one per text frame")
    void aWebSocketClientShouldOpenReceiveFeaturesAndClose() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = http.newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(uri(), frames).get(5, TimeUnit.SECONDS);
        assertThat(ws.getSubprotocol()).isEqualTo("xmpp");

        ws.sendText(OPEN, true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).startsWith("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing'")
                .contains("from='example.test'");
        assertThat(frames.next()).startsWith("<stream:features").doesNotContain("starttls");

        ws.sendText("<message xmlns='jabber:client' to='a@example.test'><body>hi</body></message>", true)
                .get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).startsWith("<message").contains("<body>hi</body>");

        RecordingHandler session = sessions.next();
        assertThat(session.connection.isSecure()).isTrue();
        assertThat(session.connection.canStartTls()).isFalse();
        assertThat(session.connection.label()).startsWith("ws#");

        ws.sendText("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).isEqualTo("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>");
        assertThat(frames.closed.get(5, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(session.events).containsSubsequence("open to=example.test", "element message", "close");
    }

    @Test
    @DisplayName("RFC 7395 §3.1: no XMPP WebSocket connection without the xmpp subprotocol")
    void aHandshakeWithoutTheXmppSubprotocolShouldBeRefused() {
        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(uri(), new Frames()).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(400));
        assertThat(sessions.pending()).isZero();
    }

    @Test
    void aBinaryFrameShouldEndTheStreamWithAStreamError() throws Exception {
        Frames frames = new Frames();
        WebSocket ws = http.newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(uri(), frames).get(5, TimeUnit.SECONDS);
        ws.sendText(OPEN, true).get(5, TimeUnit.SECONDS);
        frames.next();
        frames.next();
        ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
        assertThat(frames.next()).startsWith("<stream:error").contains("<bad-format");
        assertThat(frames.next()).startsWith("<close");
        assertThat(frames.closed.get(5, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    private URI uri() {
        return URI.create("wss://127.0.0.1:" + transport.httpPort() + "/xmpp-websocket");
    }

    /** Collects whole text messages and the close code. */
    static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        String next() throws InterruptedException {
            String m = messages.poll(5, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no frame within 5 s");
            }
            return m;
        }
    }
}
