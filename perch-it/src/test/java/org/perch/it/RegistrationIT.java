package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.parts.Localpart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** In-band registration (XEP-0077): off unless configured. Two servers, one per setting. */
class RegistrationIT {

    @Test
    @DisplayName("XEP-0077 §3.1: by default registration is not advertised, and asking for it gets "
            + "service-unavailable without losing the connection")
    void registrationShouldBeOffByDefault() throws Exception {
        try (PerchTestServer server = PerchTestServer.start()) {
            XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server).build());
            try {
                c.connect();
                assertThat(c.hasFeature("register", "http://jabber.org/features/iq-register")).isFalse();
                // Smack 4.5's supportsAccountCreation() cannot answer false: it throws on the error reply.
                assertThatThrownBy(() -> AccountManager.getInstance(c).supportsAccountCreation())
                        .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                                e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable));
                assertThat(c.isConnected()).isTrue();
            } finally {
                c.disconnect();
            }
        }
    }

    @Test
    @DisplayName("XEP-0077 §3.1: with registration.enabled a client creates an account in-band and logs in")
    void clientShouldRegisterInBandWhenEnabled() throws Exception {
        try (PerchTestServer server = PerchTestServer.start(Map.of("registration.enabled", "true"))) {
            XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server).build());
            try {
                c.connect();
                AccountManager accounts = AccountManager.getInstance(c);
                assertThat(accounts.supportsAccountCreation()).isTrue();
                accounts.createAccount(Localpart.from("selfmade"), "my own password");
            } finally {
                c.disconnect();
            }

            XMPPTCPConnection login = SmackClients.login(SmackClients.starttls(server), "selfmade", "my own password",
                    "r");
            assertThat(login.getUser().asEntityBareJidString()).isEqualTo("selfmade@localhost");
            login.disconnect();
        }
    }
}
