package org.perch.xmpp.netty;

import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;

/**
 * A user event a limit fires down the pipeline when a connection has broken it; the {@link SessionBridge} ends the
 * session with the limit's stream error (or, when no stream is open to carry one and the limit allows it, closes
 * the connection without a word).
 */
record LimitExceeded(Limit limit, String text) {

    enum Limit {
        /** RFC 6120 §4.9.3.12: a local policy (the stanza rate) broken. */
        STANZA_RATE(StreamErrorCondition.POLICY_VIOLATION, false),
        /** RFC 6120 §4.9.3.12: a local policy (output not read) broken; the client may well be alive and sending. */
        SLOW_READER(StreamErrorCondition.POLICY_VIOLATION, false),
        /** RFC 6120 §4.9.3.4: the client has not completed the negotiation in time. */
        NEGOTIATION_TIMEOUT(StreamErrorCondition.CONNECTION_TIMEOUT, true);

        private final StreamErrorCondition condition;
        private final boolean silentWithoutStream;

        Limit(StreamErrorCondition condition, boolean silentWithoutStream) {
            this.condition = condition;
            this.silentWithoutStream = silentWithoutStream;
        }
    }

    StreamErrorException error() {
        return new StreamErrorException(limit.condition, text);
    }

    /** Whether the connection is closed silently when no stream of ours is open to carry the error. */
    boolean silentWithoutStream() {
        return limit.silentWithoutStream;
    }
}
