package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class C2sTransportTest {
    private final RecordingFactory sessions = new RecordingFactory();
    private XmppTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void aPlainClientShouldExchangeHeadersAndElements() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            String greeting = client.await("</stream:features>");
            assertThat(greeting).contains("<stream:stream").contains("from='example.test'").contains("<starttls");
            client.send("<message to='room@chat.example.test'><body>hi</body></message>");
            assertThat(client.await("</message>")).contains("<body>hi</body>");

            RecordingHandler session = sessions.next();
            assertThat(session.next()).isEqualTo("open to=example.test");
            assertThat(session.next()).isEqualTo("element message");
            assertThat(session.connection.isSecure()).isFalse();
            assertThat(session.connection.channelBindingTypes()).isEmpty();
            assertThat(session.connection.label()).startsWith("c2s#").contains("127.0.0.1:");

            client.send("</stream:stream>");
            assertThat(client.awaitClosed()).contains("</stream:stream>");
            assertThat(session.next()).isEqualTo("close");
            assertThat(session.next()).isEqualTo("disconnect");
        }
    }

    @Test
    void startTlsShouldSwitchToTlsAndStartANewStream() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            client.await("</stream:features>");
            client.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            client.await("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            client.startTls();
            client.openStream();
            String greeting = client.await("</stream:features>");
            assertThat(greeting).contains("<stream:stream").doesNotContain("starttls");
            client.send("<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(client.await("</iq>")).contains("urn:xmpp:ping");

            RecordingHandler session = sessions.next();
            assertThat(session.connection.isSecure()).isTrue();
            assertThat(session.connection.canStartTls()).isFalse();
            assertThat(session.events).containsSubsequence("element starttls", "open to=example.test",
                    "element iq");
        }
    }

    @Test
    void directTlsShouldCarryAStreamFromTheFirstByte() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.tls(transport.directTlsPort())) {
            client.openStream();
            assertThat(client.await("</stream:features>")).doesNotContain("starttls");
            client.send("<presence/>");
            assertThat(client.await("<presence")).isNotEmpty();
            RecordingHandler session = sessions.next();
            assertThat(session.connection.isSecure()).isTrue();
            assertThat(session.connection.canStartTls()).isFalse();
        }
    }

    @Test
    void anOversizeStanzaShouldEndTheStreamWithPolicyViolation() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            client.await("</stream:features>");
            client.send("<message><body>" + "x".repeat(TestTransports.LIMITS.maxStanzaBytes()) + "</body></message>");
            String rest = client.awaitClosed();
            assertThat(rest).contains("<stream:error><policy-violation").endsWith("</stream:stream>");
            RecordingHandler session = sessions.next();
            assertThat(session.next()).startsWith("open");
            assertThat(session.next()).isEqualTo("error policy-violation");
            assertThat(session.next()).isEqualTo("disconnect");
        }
    }

    @Test
    void malformedXmlShouldEndTheStreamWithNotWellFormed() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            client.await("</stream:features>");
            client.send("<message><body>oops</message><presence/>");
            assertThat(client.awaitClosed()).contains("<not-well-formed").doesNotContain("<presence");
            RecordingHandler session = sessions.next();
            assertThat(session.next()).startsWith("open");
            assertThat(session.next()).isEqualTo("error not-well-formed");
            assertThat(session.next()).isEqualTo("disconnect");
        }
    }

    @Test
    void anIdleClientShouldBeDisconnectedWithConnectionTimeout() throws Exception {
        transport = TestTransports.start(TestTransports.withIdleTimeout(Duration.ofMillis(300)), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            client.await("</stream:features>");
            assertThat(client.awaitClosed()).contains("<stream:error><connection-timeout");
            RecordingHandler session = sessions.next();
            assertThat(session.events).contains("error connection-timeout");
        }
    }

    @Test
    void aStreamNotBoundInTimeShouldGetConnectionTimeoutAndCountOnce() throws Exception {
        transport = TestTransports.start(TestTransports.with(TestTransports.config().connections()
                .withNegotiationTimeout(Duration.ofMillis(300))), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            client.await("</stream:features>");
            assertThat(client.awaitClosed()).contains("<stream:error><connection-timeout")
                    .endsWith("</stream:stream>");
            assertThat(sessions.next().events).contains("error connection-timeout");
        }
        assertThat(transport.stats().closedNegotiationTimeouts()).isEqualTo(1);
    }

    @Test
    void aConnectionThatNeverOpensAStreamShouldBeClosedWithoutAWordWhenItsTimeIsUp() throws Exception {
        transport = TestTransports.start(TestTransports.with(TestTransports.config().connections()
                .withNegotiationTimeout(Duration.ofMillis(300))), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            assertThat(client.awaitClosed()).isEmpty();
        }
    }

    @Test
    void aBoundSessionShouldKeepItsConnectionPastTheNegotiationTimeout() throws Exception {
        transport = TestTransports.start(TestTransports.with(TestTransports.config().connections()
                .withNegotiationTimeout(Duration.ofMillis(300))), sessions);
        try (RawClient client = RawClient.plain(transport.c2sPort())) {
            client.openStream();
            client.await("</stream:features>");
            sessions.next().connection.negotiated();
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                    .until(() -> transport.stats().openConnections() == 1);
            client.send("<presence id='still'/>");
            assertThat(client.await("/>")).contains("id=\"still\"");
        }
    }

    @Test
    void aBindFailureShouldNameTheAddressAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TransportConfig c = TestTransports.config();
            TransportConfig clash = new TransportConfig("127.0.0.1", taken.getLocalPort(), 0, "127.0.0.1", 0, true,
                    c.domain(), c.limits(), c.connections());
            assertThatThrownBy(() -> XmppTransport.start(clash, TestCertificates.identity(), sessions))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void aDisabledListenerShouldReportPortMinusOne() {
        TransportConfig c = TestTransports.config();
        transport = XmppTransport.start(new TransportConfig("127.0.0.1", 0, -1, "127.0.0.1", -1, true, c.domain(),
                c.limits(), c.connections()), TestCertificates.identity(), sessions);
        assertThat(transport.c2sPort()).isPositive();
        assertThat(transport.directTlsPort()).isEqualTo(-1);
        assertThat(transport.httpPort()).isEqualTo(-1);
    }
}
