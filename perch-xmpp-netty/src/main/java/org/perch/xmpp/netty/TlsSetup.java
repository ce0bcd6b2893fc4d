package org.perch.xmpp.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The server TLS context built once from the identity, and the certificate's tls-server-end-point binding. TLS 1.2
 * and 1.3 only, and only suites with forward secrecy and authenticated encryption: what every client Perch is tested
 * with offers (Smack, libstrophe, slixmpp, browsers), and nothing a downgrade could reach for (CBC, RSA key
 * exchange, SHA-1 MACs).
 */
record TlsSetup(SslContext context, Optional<byte[]> serverEndPoint) {

    /** In the server's order of preference; suites the JDK lacks are left out, not refused. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    static TlsSetup of(TlsIdentity identity) {
        try {
            SslContext context = SslContextBuilder.forServer(identity.privateKey(), identity.chain())
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                    .build();
            return new TlsSetup(context, ChannelBindings.serverEndPoint(identity.leaf()));
        } catch (SSLException | IllegalArgumentException e) {
            throw new TransportException("cannot use TLS identity " + identity + ": " + e.getMessage(), e);
        }
    }
}
