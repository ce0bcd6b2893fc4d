package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelBindingTest {
    private final RecordingFactory sessions = new RecordingFactory();
    private XmppTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    @DisplayName("RFC 5929 §4.1: tls-server-end-point is the SHA-256 of the certificate signed with SHA256withRSA")
    void tlsServerEndPointShouldBeTheSha256OfTheCertificate() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.tls(transport.directTlsPort())) {
            client.openStream();
            client.await("</stream:features>");
            RecordingHandler session = sessions.next();
            byte[] expected = MessageDigest.getInstance("SHA-256")
                    .digest(TestCertificates.identity().leaf().getEncoded());
            assertThat(session.connection.channelBinding("tls-server-end-point")).hasValue(expected);
            assertThat(session.connection.channelBindingTypes()).endsWith("tls-server-end-point");
            assertThat(session.connection.channelBinding("tls-unique")).isEmpty();
        }
    }

    @Test
    @DisplayName("RFC 9266: tls-exporter is offered first on TLS 1.3 and matches the client's exporter")
    void tlsExporterShouldMatchTheClientsValueWhenTheJdkSupportsIt() throws Exception {
        transport = TestTransports.start(TestTransports.config(), sessions);
        try (RawClient client = RawClient.tls(transport.directTlsPort())) {
            client.openStream();
            client.await("</stream:features>");
            RecordingHandler session = sessions.next();
            Optional<byte[]> clientSide = exporter((SSLSocket) client.socket());
            if (clientSide.isEmpty()) {
                assertThat(session.connection.channelBindingTypes()).containsExactly("tls-server-end-point");
                return;
            }
            assertThat(session.connection.channelBindingTypes())
                    .containsExactly("tls-exporter", "tls-server-end-point");
            assertThat(session.connection.channelBinding("tls-exporter")).hasValue(clientSide.get());
        }
    }

    private static Optional<byte[]> exporter(SSLSocket socket) {
        try {
            Method m = ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class,
                    int.class);
            return Optional.of((byte[]) m.invoke(socket.getSession(), "EXPORTER-Channel-Binding", new byte[0], 32));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
