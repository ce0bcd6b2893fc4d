package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** Login throttling per account ({@code auth.max-failures-per-account}). */
class LoginThrottlingIT {
    private static PerchTestServer server;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start(Map.of("auth.max-failures-per-account", "3"));
        server.addUser("victim");
        server.addUser("bystander");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("RFC 6120 §6.5.12: after the per-account failure limit even the right password gets "
            + "temporary-auth-failure, while other accounts still log in")
    void rightPasswordShouldBeRefusedWithTemporaryAuthFailureAfterTooManyFailures() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(loginError("victim", "guess-" + i)).isEqualTo(SASLError.not_authorized);
        }

        assertThat(loginError("victim", PerchTestServer.PASSWORD)).isEqualTo(SASLError.temporary_auth_failure);
        SmackClients.login(server, "bystander", "desk").disconnect();
    }

    private static SASLError loginError(String local, String password) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server).build());
        try {
            c.connect();
            Throwable thrown = catchThrowable(() -> c.login(local, password));
            assertThat(thrown).isInstanceOf(SASLErrorException.class);
            return ((SASLErrorException) thrown).getSASLFailure().getSASLError();
        } finally {
            c.disconnect();
        }
    }
}
