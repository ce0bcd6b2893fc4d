package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/**
 * {@code limits.ban-after-offences}: an address whose connections keep being ended for abuse (here, oversize
 * stanzas) is refused new connections, before TLS or a login cost anything, while every other address and the
 * connections it already holds carry on.
 */
class AbuseBanIT {
    private static final String STREAM_ERRORS = "['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]";
    private static PerchTestServer server;
    private static XMPPTCPConnection bystander;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start(Map.of("limits.max-stanza-bytes", "4096"));
        server.addUser("bystander");
        bystander = SmackClients.login(server, "bystander", "desk");
    }

    @AfterAll
    static void stopServer() {
        bystander.disconnect();
        server.close();
    }

    @Test
    @DisplayName("five connections ended with policy-violation within a minute: the sixth from that address is closed"
            + " at once, other addresses and open sessions are served")
    void anAddressThatKeepsSendingOversizeStanzasShouldBeRefused() throws Exception {
        InetAddress offender = InetAddress.getByName("127.0.0.7");
        for (int i = 0; i < 5; i++) {
            try (RawXmppClient raw = RawXmppClient.connectFrom(offender, server.c2sPort())) {
                raw.openStream();
                raw.send("<message to='bystander@localhost'><body>" + "x".repeat(5000) + "</body></message>");
                raw.expect("<stream:error><policy-violation xmlns=" + STREAM_ERRORS + "\\s*/>");
                raw.expectClosed();
            }
        }

        try (RawXmppClient refused = RawXmppClient.connectFrom(offender, server.c2sPort())) {
            refused.send(RawXmppClient.STREAM_HEADER);
            refused.expectClosed();
            assertThat(refused.pending()).as("not even a stream header for a banned address").isEmpty();
        }
        try (RawXmppClient neighbour = RawXmppClient.connectFrom(InetAddress.getByName("127.0.0.8"),
                server.c2sPort())) {
            neighbour.openStream();
        }
        assertThat(PingManager.getInstanceFor(bystander).pingMyServer(false)).isTrue();
        assertThat(server.connectionFigures()).containsEntry("addressesBanned", 1L)
                .hasEntrySatisfying("refusedBanned", refused -> assertThat(refused).isGreaterThanOrEqualTo(1));
    }

    @Test
    @DisplayName("with limits.ban-after-offences = 0, an address is never refused for its offences")
    void bansSwitchedOffShouldNeverRefuse() throws Exception {
        try (PerchTestServer lenient = PerchTestServer.start(Map.of("limits.max-stanza-bytes", "4096",
                "limits.ban-after-offences", "0"))) {
            lenient.addUser("carol");
            for (int i = 0; i < 6; i++) {
                try (RawXmppClient raw = RawXmppClient.connect(lenient.c2sPort())) {
                    raw.openStream();
                    raw.send("<message><body>" + "x".repeat(5000) + "</body></message>");
                    raw.expect("<policy-violation");
                    raw.expectClosed();
                }
            }
            XMPPTCPConnection carol = SmackClients.login(lenient, "carol", "desk");
            assertThat(carol.isAuthenticated()).isTrue();
            carol.disconnect();
            assertThat(lenient.connectionFigures()).containsEntry("addressesBanned", 0L);
        }
    }
}
