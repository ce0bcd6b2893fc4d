package org.perch.xmpp.netty;

import java.util.function.LongSupplier;

/**
 * Tokens refilled at a steady rate up to a capacity, one taken per stanza. Starts full, so a client's first burst
 * (its login, its joins) goes through at once. Not thread-safe: used on one channel's event loop.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(int perSecond, int capacity, LongSupplier nanoClock) {
        this.tokensPerNano = (double) perSecond / NANOS_PER_SECOND;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes a token if there is one. */
    boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /**
     * Takes tokens for work already done, going into debt if there are not enough: no token is there until the
     * debt is paid off at the refill rate.
     */
    void takeOnCredit(int count) {
        refill();
        tokens -= count;
    }

    /** How long until a token is there; 0 if one is there now. */
    long nanosUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}
