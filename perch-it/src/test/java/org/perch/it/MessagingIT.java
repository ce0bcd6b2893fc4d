package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** One-to-one messages (RFC 6121 §5, §8). */
class MessagingIT {
    private static PerchTestServer server;
    private static XMPPTCPConnection alice;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        server.addUser("alice");
        server.addUser("bob");
        server.addUser("offline");
        alice = SmackClients.login(server, "alice", "desk");
    }

    @AfterAll
    static void stopServer() {
        alice.disconnect();
        server.close();
    }

    @Test
    @DisplayName("RFC 6121 §5.2, RFC 6120 §8.1.2.1: bob receives alice's chat message from her full JID")
    void chatMessageShouldArriveFromTheSendersFullJid() throws Exception {
        XMPPTCPConnection bob = SmackClients.login(server, "bob", "phone");
        try {
            // Bob's session handles his stanzas in order: once his ping is answered, so is his initial presence,
            // and the server knows him as available before alice's message arrives (it would bounce otherwise).
            assertThat(PingManager.getInstanceFor(bob).pingMyServer(false)).isTrue();
            CompletableFuture<Message> received = new CompletableFuture<>();
            bob.addAsyncStanzaListener(s -> received.complete((Message) s), MessageTypeFilter.CHAT);

            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(JidCreate.from("bob@localhost"))
                    .ofType(Message.Type.chat).setBody("hello bob").build());

            Message m = received.get(10, TimeUnit.SECONDS);
            assertThat(m.getBody()).isEqualTo("hello bob");
            assertThat(m.getFrom().toString()).isEqualTo("alice@localhost/desk");
        } finally {
            bob.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 6121 §8.5.2.2.1: a chat message to an account with no available resource gets "
            + "service-unavailable")
    void messageToAnOfflineUserShouldBounceWithServiceUnavailable() throws Exception {
        assertThat(errorFor(JidCreate.from("offline@localhost"))).isEqualTo(StanzaError.Condition.service_unavailable);
    }

    @Test
    @DisplayName("RFC 6120 §8.3.3.16: a message to a domain this server cannot reach gets remote-server-not-found")
    void messageToAnUnknownDomainShouldBounceWithRemoteServerNotFound() throws Exception {
        assertThat(errorFor(JidCreate.from("someone@elsewhere.example")))
                .isEqualTo(StanzaError.Condition.remote_server_not_found);
    }

    private static StanzaError.Condition errorFor(Jid to) throws Exception {
        Message m = alice.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat)
                .setBody("anyone there?").build();
        StanzaCollector collector = alice.createStanzaCollectorAndSend(
                new AndFilter(MessageTypeFilter.ERROR, new StanzaIdFilter(m.getStanzaId())), m);
        try {
            Message error = collector.nextResult(SmackClients.REPLY_TIMEOUT_MILLIS);
            assertThat(error).as("an error reply to %s", to).isNotNull();
            return error.getError().getCondition();
        } finally {
            collector.cancel();
        }
    }
}
