package org.perch.xmpp.netty;

import java.util.Objects;
import org.perch.xmpp.stream.StreamLimits;

/**
 * Where and how the transport listens. A port of 0 picks a free port (tests); a port of -1 disables that
 * listener.
 *
 * @param bindAddress address of the client listeners (c2s STARTTLS and direct TLS)
 * @param c2sPort RFC 6120 client port, STARTTLS required (default 5222)
 * @param directTlsPort XEP-0368 direct TLS port (default 5223)
 * @param httpBindAddress address of the HTTP listener
 * @param httpPort HTTP(S) port serving XMPP over WebSocket and host-meta (default 5280)
 * @param httpTls whether the HTTP listener speaks TLS (https/wss); off only behind a TLS-terminating proxy
 * @param domain the XMPP domain, used in host-meta and the WebSocket URL
 * @param limits stanza size, depth and attribute limits
 * @param connections what one connection may take: connections per address, timeouts, stanza rate, output
 */
public record TransportConfig(String bindAddress, int c2sPort, int directTlsPort, String httpBindAddress,
                              int httpPort, boolean httpTls, String domain, StreamLimits limits,
                              ConnectionLimits connections) {

    public TransportConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(httpBindAddress, "httpBindAddress");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(connections, "connections");
    }

    /** A copy with other connection limits. */
    public TransportConfig withConnections(ConnectionLimits other) {
        return new TransportConfig(bindAddress, c2sPort, directTlsPort, httpBindAddress, httpPort, httpTls, domain,
                limits, other);
    }
}
