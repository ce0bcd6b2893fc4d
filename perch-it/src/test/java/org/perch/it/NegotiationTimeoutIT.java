package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * {@code limits.negotiation-timeout-seconds}: a connection that has not bound a session in time is closed however it
 * trickles bytes (with {@code connection-timeout}, RFC 6120 §4.9.3.4, when a stream is open to carry it); a bound
 * session is not touched. The tricklers send a byte every 250 ms, so the idle timeout would never end them; the
 * admin API's counter says which limit did.
 */
class NegotiationTimeoutIT {
    private static final Duration NEGOTIATION = Duration.ofSeconds(3);
    private static final long TRICKLE_MILLIS = 250;
    private static final String STREAM_ERRORS = "['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]";

    private static PerchTestServer server;
    private static Bystanders bystanders;
    private static ScheduledExecutorService trickler;

    @BeforeAll
    static void startServer() throws Exception {
        server = PerchTestServer.start(Map.of("limits.negotiation-timeout-seconds",
                String.valueOf(NEGOTIATION.toSeconds())));
        bystanders = Bystanders.login(server, "sender", "receiver");
        trickler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopServer() {
        trickler.shutdownNow();
        bystanders.close();
        server.close();
    }

    @AfterEach
    void bystandersShouldNoticeNothing() throws Exception {
        bystanders.assertUnaffected();
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.4: a client that opens a stream, then only sends whitespace keepalives, never "
            + "starting TLS, gets connection-timeout after limits.negotiation-timeout-seconds")
    void aClientTricklingWhitespaceShouldGetConnectionTimeout() {
        long closedBefore = closed();
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            long start = System.nanoTime();
            raw.openStream();
            ScheduledFuture<?> trickle = trickle(raw, " ".getBytes(StandardCharsets.US_ASCII), true);
            try {
                raw.expect("<stream:error><connection-timeout xmlns=" + STREAM_ERRORS);
                raw.expect("</stream:stream>");
                raw.expectClosed();
            } finally {
                trickle.cancel(false);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(NEGOTIATION);
        }
        assertThat(closed() - closedBefore).isEqualTo(1);
    }

    @Test
    @DisplayName("A client that trickles its stream header a byte at a time is closed without a word: no stream is "
            + "open to carry an error")
    void aClientTricklingItsHeaderShouldBeClosedSilently() {
        long closedBefore = closed();
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            long start = System.nanoTime();
            ScheduledFuture<?> trickle = trickle(raw, RawXmppClient.STREAM_HEADER.getBytes(StandardCharsets.UTF_8),
                    false);
            try {
                raw.expectClosed();
            } finally {
                trickle.cancel(false);
            }
            assertThat(raw.pending()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(NEGOTIATION);
        }
        assertThat(closed() - closedBefore).isEqualTo(1);
    }

    @Test
    @DisplayName("A client that gets <proceed/> and then trickles its TLS ClientHello a byte at a time is closed "
            + "without a word: mid-handshake, no XML can be sent")
    void aClientTricklingItsTlsHandshakeShouldBeClosedSilently() throws Exception {
        long closedBefore = closed();
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            raw.expect("<proceed xmlns=['\"]urn:ietf:params:xml:ns:xmpp-tls['\"]/>");
            ScheduledFuture<?> trickle = trickle(raw, clientHello(), false);
            try {
                raw.expectClosed();
            } finally {
                trickle.cancel(false);
            }
            assertThat(raw.pending()).isEmpty();
        }
        assertThat(closed() - closedBefore).isEqualTo(1);
    }

    @Test
    @DisplayName("A session bound in time stays connected past limits.negotiation-timeout-seconds")
    void aBoundSessionShouldOutliveTheNegotiationTimeout() throws Exception {
        server.addUser("bound");
        long closedBefore = closed();
        XMPPTCPConnection bound = SmackClients.login(server, "bound", "desk");
        try {
            await().during(NEGOTIATION.plusSeconds(1)).atMost(NEGOTIATION.plusSeconds(3)).until(bound::isConnected);
            assertThat(PingManager.getInstanceFor(bound).pingMyServer(false)).isTrue();
        } finally {
            bound.disconnect();
        }
        assertThat(closed()).isEqualTo(closedBefore);
    }

    private static long closed() {
        return server.connectionFigures().get("closedNegotiationTimeouts");
    }

    /** Sends {@code bytes} one every 250 ms (over and over if {@code repeat}), until cancelled or the socket closes. */
    private static ScheduledFuture<?> trickle(RawXmppClient raw, byte[] bytes, boolean repeat) {
        AtomicInteger next = new AtomicInteger();
        return trickler.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (repeat || i < bytes.length) {
                // Throws once the server has closed the socket, which ends this task.
                raw.sendBytes(new byte[] {bytes[i % bytes.length]});
            }
        }, 0, TRICKLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The first bytes a TLS client sends: a ClientHello for the test server. */
    private static byte[] clientHello() throws SSLException {
        SSLEngine engine = server.sslContext().createSSLEngine(PerchTestServer.DOMAIN, server.c2sPort());
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }
}
