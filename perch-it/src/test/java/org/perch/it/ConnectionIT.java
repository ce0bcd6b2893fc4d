package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.core.ScramSha1PlusMechanism;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;
import org.perch.testing.ScramSaslMechanism;
import org.perch.testing.SmackClients;

/** Connecting, TLS, SASL and resource binding over real sockets (RFC 6120 §5-§7, XEP-0368). */
class ConnectionIT {
    private static PerchTestServer server;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        server.addUser("alice");
        server.addUser("carol");
        server.addUser("wrongpass");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @DisplayName("RFC 6120 §5.3.1: the plain port offers only STARTTLS, marked required")
    void plainPortShouldOfferOnlyRequiredStartTls() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            String features = raw.openStream().group();
            assertThat(features).matches("(?s)<stream:features><starttls xmlns=['\"]urn:ietf:params:xml:ns:xmpp-tls"
                    + "['\"]><required/></starttls></stream:features>");
        }
    }

    @Test
    @DisplayName("RFC 6120 §5.3.1: authenticating before STARTTLS ends the stream with policy-violation")
    void authBeforeStartTlsShouldEndTheStreamWithPolicyViolation() {
        try (RawXmppClient raw = RawXmppClient.connect(server.c2sPort())) {
            raw.openStream();
            raw.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>");
            raw.expect("<stream:error><policy-violation xmlns=['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]/>");
            raw.expect("</stream:stream>");
            raw.expectClosed();
        }
    }

    @Test
    @DisplayName("RFC 6120 §5: Smack negotiates STARTTLS and logs in")
    void smackShouldLogInOverStartTls() {
        XMPPTCPConnection c = SmackClients.login(server, "alice", "starttls");
        try {
            assertThat(c.isSecureConnection()).isTrue();
            assertThat(c.isAuthenticated()).isTrue();
            assertThat(c.getUser().toString()).isEqualTo("alice@localhost/starttls");
        } finally {
            c.disconnect();
        }
    }

    @Test
    @DisplayName("XEP-0368: a client logs in on the direct TLS port, TLS from the first byte")
    void smackShouldLogInOnTheDirectTlsPort() throws Exception {
        List<SSLSocket> sockets = SmackClients.socketList();
        XMPPTCPConnection c = SmackClients.login(SmackClients.directTls(server, sockets), "alice",
                PerchTestServer.PASSWORD, "directtls");
        try {
            assertThat(c.isAuthenticated()).isTrue();
            assertThat(sockets).hasSize(1);
            assertThat(sockets.getFirst().getSession().getProtocol()).startsWith("TLSv1.");
            assertThat(PingManager.getInstanceFor(c).pingMyServer()).isTrue();
        } finally {
            c.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 6120 §6.5.10: a wrong password fails with not-authorized")
    void wrongPasswordShouldFailWithNotAuthorized() throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server).build());
        try {
            c.connect();
            assertThatThrownBy(() -> c.login("wrongpass", "not the password"))
                    .isInstanceOfSatisfying(SASLErrorException.class,
                            e -> assertThat(e.getSASLFailure().getSASLError()).isEqualTo(SASLError.not_authorized));
        } finally {
            c.disconnect();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-1", "SCRAM-SHA-256-PLUS", "PLAIN"})
    @DisplayName("RFC 6120 §6, RFC 5802, RFC 7677: login succeeds with each offered SASL mechanism")
    void loginShouldSucceedWithEachMechanism(String mechanism) {
        XMPPTCPConnection c = SmackClients.login(SmackClients.starttls(server).addEnabledSaslMechanism(mechanism),
                "alice", PerchTestServer.PASSWORD, "sasl");
        try {
            assertThat(c.getUsedSaslMechansism()).isEqualTo(mechanism);
            assertThat(c.isAuthenticated()).isTrue();
        } finally {
            c.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 5802 §6, RFC 5929: SCRAM-SHA-1-PLUS with tls-server-end-point channel binding logs in")
    void loginShouldSucceedWithScramSha1Plus() {
        // Smack's own SCRAM-SHA-1-PLUS is blacklisted by default and cannot compute tls-server-end-point
        // (ScramSaslMechanism#serverEndPoint says why), so the test client's mechanism stands in for it.
        SASLAuthentication.unregisterSASLMechanism(ScramSha1PlusMechanism.class.getName());
        SASLAuthentication.unBlacklistSASLMechanism(ScramSha1PlusMechanism.NAME);
        SmackClients.registerOnly(new ScramSaslMechanism("SHA-1", ScramSaslMechanism.Binding.TLS_SERVER_END_POINT));
        try {
            XMPPTCPConnection c = SmackClients.login(SmackClients.starttls(server)
                    .addEnabledSaslMechanism(ScramSha1PlusMechanism.NAME), "alice", PerchTestServer.PASSWORD, "plus1");
            try {
                assertThat(c.getUsedSaslMechansism()).isEqualTo(ScramSha1PlusMechanism.NAME);
            } finally {
                c.disconnect();
            }
        } finally {
            SmackClients.registerMechanisms();
            SASLAuthentication.registerSASLMechanism(new ScramSha1PlusMechanism());
            SASLAuthentication.blacklistSASLMechanism(ScramSha1PlusMechanism.NAME);
        }
    }

    @Test
    @DisplayName("RFC 9266: SCRAM-SHA-256-PLUS with tls-exporter channel binding logs in (TLS 1.3, JDK 25)")
    void loginShouldSucceedWithTlsExporterBinding() {
        assertThat(ScramSaslMechanism.exporterAvailable()).as("the JDK running the tests has the exporter API")
                .isTrue();
        ScramSaslMechanism exporter = new ScramSaslMechanism("SHA-256", ScramSaslMechanism.Binding.TLS_EXPORTER);
        // Only for this test: the tls-server-end-point variant has the same name.
        SmackClients.registerOnly(exporter);
        try {
            XMPPTCPConnection c = SmackClients.login(SmackClients.starttls(server)
                    .addEnabledSaslMechanism("SCRAM-SHA-256-PLUS"), "alice", PerchTestServer.PASSWORD, "exporter");
            assertThat(c.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-256-PLUS");
            c.disconnect();
        } finally {
            SmackClients.registerMechanisms();
        }
    }

    @Test
    @DisplayName("RFC 6120 §7.7: the resource a client asks for is the one bound")
    void requestedResourceShouldBeBound() {
        XMPPTCPConnection c = SmackClients.login(server, "carol", "laptop-7");
        try {
            assertThat(c.getUser().toString()).isEqualTo("carol@localhost/laptop-7");
        } finally {
            c.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 6120 §7.7.2.2: binding a resource in use closes the older session with a conflict stream error")
    void bindingTheSameResourceShouldCloseTheOlderSessionWithConflict() throws Exception {
        XMPPTCPConnection first = SmackClients.login(server, "carol", "phone");
        CompletableFuture<Exception> closedWith = new CompletableFuture<>();
        first.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closedWith.complete(e);
            }
        });
        XMPPTCPConnection second = SmackClients.login(server, "carol", "phone");
        try {
            Exception e = closedWith.get(10, TimeUnit.SECONDS);
            assertThat(e).isInstanceOfSatisfying(StreamErrorException.class,
                    s -> assertThat(s.getStreamError().getCondition()).isEqualTo(StreamError.Condition.conflict));
            assertThat(second.isAuthenticated()).isTrue();
            assertThat(PingManager.getInstanceFor(second).pingMyServer()).isTrue();
        } finally {
            first.disconnect();
            second.disconnect();
        }
    }

    @Test
    @DisplayName("RFC 6120 §4.9.3.20: a connected client gets system-shutdown when the server stops")
    void shutdownShouldSendSystemShutdownToConnectedClients() throws Exception {
        try (PerchTestServer other = PerchTestServer.start(Map.of())) {
            other.addUser("dave");
            XMPPTCPConnection c = SmackClients.login(other, "dave", "desk");
            CompletableFuture<Exception> closedWith = new CompletableFuture<>();
            c.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    closedWith.complete(e);
                }
            });
            other.close();
            Exception e = closedWith.get(10, TimeUnit.SECONDS);
            assertThat(e).isInstanceOfSatisfying(StreamErrorException.class, s -> assertThat(
                    s.getStreamError().getCondition()).isEqualTo(StreamError.Condition.system_shutdown));
            await().atMost(Duration.ofSeconds(5)).until(() -> !c.isConnected());
        }
    }
}
