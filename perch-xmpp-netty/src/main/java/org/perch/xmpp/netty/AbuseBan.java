package org.perch.xmpp.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * When an address is refused for abuse, as fail2ban would refuse it: one whose connections were ended with
 * {@code policy-violation} or {@code restricted-xml} {@code offences} times within {@code duration} is refused new
 * connections until {@code duration} has passed since the last. A client that is ended for an oversize stanza, a
 * flood or a billion-laughs document and comes straight back to do it again costs a TLS handshake and a login each
 * time; refused, it costs an accept and a close.
 *
 * @param offences offences within {@code duration} that ban the address; 0 turns bans off
 * @param duration how far back offences count, and how long a ban lasts after the last one
 */
public record AbuseBan(int offences, Duration duration) {
    /** No bans. */
    public static final AbuseBan OFF = new AbuseBan(0, Duration.ofSeconds(1));

    public AbuseBan {
        Objects.requireNonNull(duration, "duration");
        if (offences < 0) {
            throw new IllegalArgumentException("offences must not be negative, got " + offences);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
    }

    public boolean enabled() {
        return offences > 0;
    }
}
