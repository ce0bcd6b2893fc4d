package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.packet.MUCInitialPresence;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * The MUC service on a server started without a category (so nobody may create rooms): a join to a missing room
 * is refused cleanly and the client's session stays usable.
 */
class MucServiceIT {
    private static PerchTestServer server;
    private static XMPPTCPConnection client;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start(java.util.Map.of("chat.bootstrap-category", ""));
        server.addUser("alice");
        client = SmackClients.login(server, "alice", "desk");
    }

    @AfterAll
    static void stopServer() {
        client.disconnect();
        server.close();
    }

    @Test
    @DisplayName("XEP-0045 §7.2: joining a room that does not exist gets item-not-found; the session keeps working")
    void joiningAMissingRoomShouldFailWithoutBreakingTheSession() throws Exception {
        Presence join = client.getStanzaFactory().buildPresenceStanza()
                .to(JidCreate.fullFrom("nosuchroom@chat.localhost/alice"))
                .setPriority(0)
                .addExtension(new MUCInitialPresence(null, 0, 0, 0, null))
                .build();
        Stanza reply;
        try (StanzaCollector collector = client.createStanzaCollectorAndSend(new StanzaIdFilter(join), join)) {
            reply = collector.nextResult(SmackClients.REPLY_TIMEOUT_MILLIS);
        }
        assertThat(reply).isNotNull();
        assertThat(reply.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
        // Smack (run with assertions on) used to lose its reader thread on the echoed presence payload.
        assertThat(PingManager.getInstanceFor(client).pingMyServer(false)).isTrue();
        assertThat(client.isConnected()).isTrue();
    }
}
