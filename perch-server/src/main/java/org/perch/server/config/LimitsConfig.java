package org.perch.server.config;

import java.util.Objects;
import org.perch.xmpp.netty.ConnectionLimits;
import org.perch.xmpp.stream.StreamLimits;

/**
 * What one client may take of the server.
 *
 * @param stream stanza size, depth and attribute limits enforced by the parser
 * @param connections per connection: connections per address, idle and negotiation timeouts, stanza rate, output
 *     a slow reader may leave unread
 * @param maxArchivePage the most messages one archive (MAM) query returns
 */
public record LimitsConfig(StreamLimits stream, ConnectionLimits connections, int maxArchivePage) {
    public LimitsConfig {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(connections, "connections");
        if (maxArchivePage < 1) {
            throw new IllegalArgumentException("maxArchivePage must be at least 1");
        }
    }
}
