package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.xmpp.xml.XmlElement;

class ProtectionTest {
    private final RecordingFactory sessions = new RecordingFactory();
    private XmppTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void aThirdConnectionFromOneAddressShouldBeClosedWhileTheFirstTwoStayUsable() throws Exception {
        transport = TestTransports.start(TestTransports.withMaxConnections(2), sessions);
        try (RawClient first = RawClient.plain(transport.c2sPort());
             RawClient second = RawClient.plain(transport.c2sPort())) {
            first.openStream();
            first.await("</stream:features>");
            second.openStream();
            second.await("</stream:features>");

            try (RawClient third = RawClient.plain(transport.c2sPort())) {
                assertThat(third.awaitClosed()).isEmpty();
            }

            first.send("<presence id='a'/>");
            assertThat(first.await("/>")).contains("id=\"a\"");
            second.send("<presence id='b'/>");
            assertThat(second.await("/>")).contains("id=\"b\"");
            assertThat(sessions.next()).isNotNull();
            assertThat(sessions.next()).isNotNull();
            assertThat(sessions.pending()).isZero();
        }
    }

    @Test
    void aClosedConnectionShouldFreeItsPlaceUnderTheLimit() throws Exception {
        transport = TestTransports.start(TestTransports.withMaxConnections(1), sessions);
        try (RawClient first = RawClient.plain(transport.c2sPort())) {
            first.openStream();
            first.await("</stream:features>");
        }
        RecordingHandler firstSession = sessions.next();
        await().atMost(Duration.ofSeconds(5)).until(() -> firstSession.events.contains("disconnect"));
        try (RawClient again = RawClient.plain(transport.c2sPort())) {
            again.openStream();
            assertThat(again.await("</stream:features>")).contains("<stream:stream");
        }
    }

    @Test
    void aClientThatStopsReadingShouldBeDisconnected() throws Exception {
        transport = TestTransports.start(TestTransports.with(ConnectionLimits.DEFAULT
                .withSlowReader(Duration.ofMillis(200), ConnectionLimits.DEFAULT.maxOutboundBytes())), sessions);
        try (Socket silent = new Socket()) {
            silent.setReceiveBufferSize(4096);
            silent.connect(new java.net.InetSocketAddress("127.0.0.1", transport.c2sPort()));
            silent.getOutputStream().write(("<stream:stream xmlns='jabber:client' "
                    + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>").getBytes());
            RecordingHandler session = sessions.next();
            XmlElement big = XmlElement.builder("message", "jabber:client")
                    .child(XmlElement.builder("body", "jabber:client").text("y".repeat(1000)).build()).build();
            var flooder = Executors.newSingleThreadExecutor();
            try {
                flooder.submit(() -> {
                    for (int i = 0; i < 20_000 && !session.events.contains("disconnect"); i++) {
                        session.connection.send(big);
                    }
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> session.events.contains("disconnect"));
            } finally {
                flooder.shutdownNow();
            }
        }
    }
}
