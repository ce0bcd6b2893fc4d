package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.ScramSaslMechanism;
import org.perch.testing.SmackClients;

/**
 * {@code auth.channel-binding}: on by default (SCRAM -PLUS and XEP-0440 offered, a "y" client refused as a
 * possible downgrade, RFC 5802 §6); off for clients that can only bind with {@code tls-unique}.
 */
class ChannelBindingSwitchIT {
    private PerchTestServer server;

    @AfterEach
    void stop() {
        SmackClients.registerMechanisms();
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("RFC 5802 §6: by default -PLUS is offered and a client claiming the server cannot bind is refused")
    void byDefaultPlusIsOfferedAndAYClientIsRefused() throws Exception {
        server = PerchTestServer.start();
        server.addUser("alice");
        assertThat(saslFeatures()).contains("SCRAM-SHA-256-PLUS").contains("urn:xmpp:sasl-cb:0");

        SmackClients.registerOnly(new ScramSaslMechanism("SHA-256", ScramSaslMechanism.Binding.CLIENT_ONLY));
        XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server)
                .addEnabledSaslMechanism("SCRAM-SHA-256").build());
        try {
            c.connect();
            assertThatThrownBy(() -> c.login("alice", PerchTestServer.PASSWORD))
                    .isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
        } finally {
            c.disconnect();
        }
    }

    @Test
    @DisplayName("auth.channel-binding=false: no -PLUS, no XEP-0440, and a 'y' SCRAM client (slixmpp 1.8) logs in")
    void withChannelBindingOffAYClientLogsIn() {
        server = PerchTestServer.start(Map.of("auth.channel-binding", "false"));
        server.addUser("alice");
        assertThat(saslFeatures()).doesNotContain("-PLUS").doesNotContain("urn:xmpp:sasl-cb:0")
                .contains("SCRAM-SHA-256");

        SmackClients.registerOnly(new ScramSaslMechanism("SHA-256", ScramSaslMechanism.Binding.CLIENT_ONLY));
        XMPPTCPConnection c = SmackClients.login(SmackClients.starttls(server)
                .addEnabledSaslMechanism("SCRAM-SHA-256"), "alice", PerchTestServer.PASSWORD, "y");
        try {
            assertThat(c.isAuthenticated()).isTrue();
        } finally {
            c.disconnect();
        }
    }

    /** The stream features a client sees after STARTTLS. */
    private String saslFeatures() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.starttls(server.sslContext());
            return raw.openStream().group();
        }
    }
}
