package org.perch.server.config;

import java.time.Duration;
import java.util.Objects;
import org.perch.xmpp.stream.StreamLimits;

/**
 * Per-connection limits.
 *
 * @param stream stanza size, depth and attribute limits enforced by the parser
 * @param maxConnectionsPerAddress connections one IP address may hold open at once
 * @param idleTimeout a connection that sends nothing for this long is closed
 */
public record LimitsConfig(StreamLimits stream, int maxConnectionsPerAddress, Duration idleTimeout) {
    public LimitsConfig {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1");
        }
    }
}
