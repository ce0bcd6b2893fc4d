package org.perch.xmpp.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client connection may take of the server, beyond the parser's stanza limits. Each limit broken ends
 * only that connection; see the module README for the stream error each one sends.
 *
 * @param maxConnectionsPerAddress connections one remote address may hold open at once
 * @param idleTimeout a connection that sends nothing for this long is closed ({@code connection-timeout})
 * @param negotiationTimeout a connection whose session is not bound (or resumed) this long after it opened is
 *        closed: with {@code connection-timeout} if a stream is open, otherwise without a word
 * @param stanzaRate how fast a connection's stanzas are taken in
 * @param slowReaderTimeout a connection whose unsent output stays above {@link XmppTransport#WATER_MARK}'s high mark
 *        this long is closed ({@code policy-violation}): a client that does not read is dropped, not buffered for
 * @param maxOutboundBytes unsent output one connection may have at once; a write that would go beyond it closes the
 *        connection ({@code policy-violation}) at once
 * @param abuseBan when an address whose connections keep being ended for abuse is refused for a while
 */
public record ConnectionLimits(int maxConnectionsPerAddress, Duration idleTimeout, Duration negotiationTimeout,
                               StanzaRate stanzaRate, Duration slowReaderTimeout, long maxOutboundBytes,
                               AbuseBan abuseBan) {

    /** The shipped defaults: see the configuration table in the root README. */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(64, Duration.ofSeconds(300),
            Duration.ofSeconds(30), new StanzaRate(50, 100, Duration.ofSeconds(30)), Duration.ofSeconds(30),
            4L * 1024 * 1024, new AbuseBan(5, Duration.ofSeconds(60)));

    public ConnectionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(stanzaRate, "stanzaRate");
        Objects.requireNonNull(slowReaderTimeout, "slowReaderTimeout");
        Objects.requireNonNull(abuseBan, "abuseBan");
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1");
        }
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(negotiationTimeout, "negotiationTimeout");
        requirePositive(slowReaderTimeout, "slowReaderTimeout");
        if (maxOutboundBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxOutboundBytes must be at least 64 KiB, got " + maxOutboundBytes);
        }
    }

    public ConnectionLimits withMaxConnectionsPerAddress(int max) {
        return new ConnectionLimits(max, idleTimeout, negotiationTimeout, stanzaRate, slowReaderTimeout,
                maxOutboundBytes, abuseBan);
    }

    public ConnectionLimits withIdleTimeout(Duration timeout) {
        return new ConnectionLimits(maxConnectionsPerAddress, timeout, negotiationTimeout, stanzaRate,
                slowReaderTimeout, maxOutboundBytes, abuseBan);
    }

    public ConnectionLimits withNegotiationTimeout(Duration timeout) {
        return new ConnectionLimits(maxConnectionsPerAddress, idleTimeout, timeout, stanzaRate, slowReaderTimeout,
                maxOutboundBytes, abuseBan);
    }

    public ConnectionLimits withStanzaRate(StanzaRate rate) {
        return new ConnectionLimits(maxConnectionsPerAddress, idleTimeout, negotiationTimeout, rate,
                slowReaderTimeout, maxOutboundBytes, abuseBan);
    }

    public ConnectionLimits withSlowReader(Duration timeout, long maxBytes) {
        return new ConnectionLimits(maxConnectionsPerAddress, idleTimeout, negotiationTimeout, stanzaRate, timeout,
                maxBytes, abuseBan);
    }

    public ConnectionLimits withAbuseBan(AbuseBan ban) {
        return new ConnectionLimits(maxConnectionsPerAddress, idleTimeout, negotiationTimeout, stanzaRate,
                slowReaderTimeout, maxOutboundBytes, ban);
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
