package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.SmackClients;

/** Stream management (XEP-0198): acknowledgements and resumption. */
class StreamManagementIT {
    private static PerchTestServer server;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        server.addUser("alice");
        server.addUser("bob");
        server.addUser("counter");
        server.addUser("hoarder");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("XEP-0198 §5: after the socket dies, the client resumes and gets the message sent meanwhile")
    void resumedSessionShouldReceiveTheMessageSentWhileAway() throws Exception {
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "desk");
        XMPPTCPConnection bob = new XMPPTCPConnection(SmackClients.starttls(server).build());
        bob.setUseStreamManagement(true);
        bob.setUseStreamManagementResumption(true);
        bob.setReplyTimeout(SmackClients.REPLY_TIMEOUT_MILLIS);
        try {
            bob.connect().login("bob", PerchTestServer.PASSWORD, org.jxmpp.jid.parts.Resourcepart.from("phone"));
            assertThat(bob.isSmEnabled()).isTrue();
            assertThat(bob.isSmResumptionPossible()).isTrue();
            CompletableFuture<Message> received = new CompletableFuture<>();
            bob.addAsyncStanzaListener(s -> received.complete((Message) s), MessageTypeFilter.CHAT);

            bob.instantShutdown();
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.from("bob@localhost/phone")).ofType(Message.Type.chat)
                    .setBody("sent while you were away").build());
            bob.connect();
            bob.login();

            assertThat(bob.streamWasResumed()).isTrue();
            assertThat(bob.getUser().toString()).isEqualTo("bob@localhost/phone");
            Message m = received.get(10, TimeUnit.SECONDS);
            assertThat(m.getBody()).isEqualTo("sent while you were away");
            assertThat(m.getFrom().toString()).isEqualTo("alice@localhost/desk");
        } finally {
            bob.disconnect();
            alice.disconnect();
        }
    }

    @Test
    @DisplayName("XEP-0198 §3, §4: enable with resume is confirmed with an id, and <r/> is answered with the "
            + "count of handled stanzas")
    void enableAndRequestShouldBeAnsweredWithTheHandledCount() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.login(server.sslContext(), "counter", PerchTestServer.PASSWORD, "raw");
            raw.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
            String enabled = raw.expect("<enabled [^>]*/>").group();
            assertThat(enabled).containsPattern("xmlns=['\"]urn:xmpp:sm:3['\"]")
                    .containsPattern("id=['\"][^'\"]+['\"]").containsPattern("resume=['\"](true|1)['\"]");

            for (int i = 1; i <= 3; i++) {
                raw.send("<iq type='get' id='p" + i + "' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
                raw.expect("<iq [^>]*id=['\"]p" + i + "['\"]");
            }
            raw.send("<r xmlns='urn:xmpp:sm:3'/>");

            raw.expect("<a xmlns=['\"]urn:xmpp:sm:3['\"] h=['\"]3['\"]/>");
        }
    }

    @Test
    @DisplayName("XEP-0198 §4: a client that acknowledges nothing while large stanzas reach it is disconnected with"
            + " policy-violation once about 8 MiB wait for its acknowledgement, long before 10,000 stanzas")
    void aClientThatNeverAcknowledgesShouldNotMakeTheServerHoldUnboundedStanzas() throws Exception {
        XMPPTCPConnection alice = SmackClients.login(server, "alice", "big");
        try (RawXmppClient hoarder = RawXmppClient.connect(server.c2sPort())) {
            hoarder.login(server.sslContext(), "hoarder", PerchTestServer.PASSWORD, "raw");
            hoarder.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
            hoarder.expect("<enabled [^>]*/>");
            String body = "y".repeat(230_000);
            int received = 0;
            for (int i = 0; i < 40; i++) {
                alice.sendStanza(alice.getStanzaFactory().buildMessageStanza()
                        .to(JidCreate.from("hoarder@localhost/raw")).ofType(Message.Type.chat).setBody(body).build());
                if (hoarder.expect("</message>|<stream:error>").group().equals("<stream:error>")) {
                    break;
                }
                received++;
            }
            hoarder.expect("<policy-violation xmlns=['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]\\s*/>");
            hoarder.expectClosed();
            assertThat(received).as("8 MiB is 36 stanzas of 230 KB").isBetween(30, 40);
        } finally {
            alice.disconnect();
        }
    }
}
