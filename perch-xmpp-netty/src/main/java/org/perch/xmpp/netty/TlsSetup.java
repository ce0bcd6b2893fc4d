package org.perch.xmpp.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** The server TLS context built once from the identity, and the certificate's tls-server-end-point binding. */
record TlsSetup(SslContext context, Optional<byte[]> serverEndPoint) {

    static TlsSetup of(TlsIdentity identity) {
        try {
            SslContext context = SslContextBuilder.forServer(identity.privateKey(), identity.chain())
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
            return new TlsSetup(context, ChannelBindings.serverEndPoint(identity.leaf()));
        } catch (SSLException | IllegalArgumentException e) {
            throw new TransportException("cannot use TLS identity " + identity + ": " + e.getMessage(), e);
        }
    }
}
