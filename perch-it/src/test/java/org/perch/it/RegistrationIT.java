package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
    @DisplayName("XEP-0077 §3: registration is not offered by default")
    void registrationShouldBeOffByDefault() throws Exception {
        try (PerchTestServer server = PerchTestServer.start()) {
            XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server).build());
            try {
                c.connect();
                assertThat(AccountManager.getInstance(c).supportsAccountCreation()).isFalse();
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
