package org.perch.xmpp.netty;

/**
 * A user event: the session charged its connection for work worth this many stanzas ({@code Connection.charge}),
 * which the {@link StanzaRateLimiter} takes from its bucket.
 */
record StanzaCost(int stanzas) {
    StanzaCost {
        if (stanzas < 1) {
            throw new IllegalArgumentException("a cost is at least one stanza, got " + stanzas);
        }
    }
}
