package org.perch.xmpp.netty;

import java.time.Duration;
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
 * @param maxConnectionsPerAddress connections one remote address may hold open at once
 * @param idleTimeout a connection that sends nothing for this long is closed (connection-timeout)
 * @param unwritableTimeout a connection whose peer does not read for this long (its write buffer stays above the
 *        high water mark) is closed: a slow client is disconnected, never buffered without bound (default 30 s)
 */
public record TransportConfig(String bindAddress, int c2sPort, int directTlsPort, String httpBindAddress,
                              int httpPort, boolean httpTls, String domain, StreamLimits limits,
                              int maxConnectionsPerAddress, Duration idleTimeout,
                              Duration unwritableTimeout) {

    /** The default time a peer may leave its connection unwritable before it is disconnected. */
    public static final Duration DEFAULT_UNWRITABLE_TIMEOUT = Duration.ofSeconds(30);

    public TransportConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(httpBindAddress, "httpBindAddress");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(unwritableTimeout, "unwritableTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (unwritableTimeout.isNegative() || unwritableTimeout.isZero()) {
            throw new IllegalArgumentException("unwritableTimeout must be positive, got " + unwritableTimeout);
        }
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1");
        }
    }

    /** A configuration with the default unwritable timeout ({@link #DEFAULT_UNWRITABLE_TIMEOUT}). */
    public TransportConfig(String bindAddress, int c2sPort, int directTlsPort, String httpBindAddress,
                           int httpPort, boolean httpTls, String domain, StreamLimits limits,
                           int maxConnectionsPerAddress, Duration idleTimeout) {
        this(bindAddress, c2sPort, directTlsPort, httpBindAddress, httpPort, httpTls, domain, limits,
                maxConnectionsPerAddress, idleTimeout, DEFAULT_UNWRITABLE_TIMEOUT);
    }

    /** A copy with another unwritable timeout. */
    public TransportConfig withUnwritableTimeout(Duration timeout) {
        return new TransportConfig(bindAddress, c2sPort, directTlsPort, httpBindAddress, httpPort, httpTls,
                domain, limits, maxConnectionsPerAddress, idleTimeout, timeout);
    }
}
