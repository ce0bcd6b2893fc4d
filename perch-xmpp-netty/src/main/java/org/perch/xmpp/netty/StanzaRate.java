package org.perch.xmpp.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast one connection's stanzas are taken in: a token bucket of {@code burst} stanzas refilled at
 * {@code perSecond}. A connection over its rate is not read from until it is back under it, so a burst is slowed,
 * not dropped; one held back without a break for longer than {@code floodTimeout} is closed with
 * {@code policy-violation}.
 *
 * @param perSecond stanzas a second a connection may send for as long as it likes; 0 turns the limit off
 * @param burst stanzas a connection may send at once after a quiet spell (at least 1 when the limit is on)
 * @param floodTimeout how long a connection may stay over its rate, its stanzas waiting, before it is closed
 */
public record StanzaRate(int perSecond, int burst, Duration floodTimeout) {
    /** No limit: every stanza is read as it arrives. */
    public static final StanzaRate UNLIMITED = new StanzaRate(0, 0, Duration.ofSeconds(1));

    public StanzaRate {
        Objects.requireNonNull(floodTimeout, "floodTimeout");
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond must not be negative, got " + perSecond);
        }
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        if (floodTimeout.isNegative() || floodTimeout.isZero()) {
            throw new IllegalArgumentException("floodTimeout must be positive, got " + floodTimeout);
        }
    }

    public boolean enabled() {
        return perSecond > 0;
    }
}
