package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What TLS a client gets on the direct TLS port: 1.2 or 1.3, forward-secret AEAD suites only. */
class TlsPolicyTest {

    private XmppTransport transport;

    @BeforeEach
    void start() {
        transport = TestTransports.start(TestTransports.config(), new RecordingFactory());
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    @Test
    @DisplayName("a client offering everything gets TLS 1.3 with one of Perch's suites")
    void aModernClientShouldGetTls13() throws IOException {
        try (SSLSocket socket = socket()) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(TlsSetup.CIPHER_SUITES).contains(socket.getSession().getCipherSuite());
        }
    }

    @Test
    @DisplayName("a TLS 1.2 client gets ECDHE with AES-GCM")
    void aTls12ClientShouldGetAnAeadSuite() throws IOException {
        try (SSLSocket socket = socket()) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(socket.getSession().getCipherSuite()).startsWith("TLS_ECDHE_RSA_WITH_").contains("_GCM_");
        }
    }

    @Test
    @DisplayName("a TLS 1.2 client offering only CBC suites, which the JDK's own defaults still allow, is refused")
    void cbcSuitesShouldBeRefused() throws IOException {
        // RSA key exchange is not tried: the JDK's client refuses it by itself, so the test could not fail.
        for (String weak : new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"}) {
            try (SSLSocket socket = socket()) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.setEnabledCipherSuites(new String[] {weak});
                assertThatThrownBy(socket::startHandshake).as(weak).isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    private SSLSocket socket() throws IOException {
        return (SSLSocket) TestCertificates.clientContext().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), transport.directTlsPort());
    }
}
