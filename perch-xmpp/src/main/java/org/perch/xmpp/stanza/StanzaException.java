package org.perch.xmpp.stanza;

/**
 * A handler refuses a stanza; the caller answers the sender with this condition (RFC 6120 §8.3) and goes on.
 */
public final class StanzaException extends RuntimeException {
    private final StanzaErrorCondition condition;

    public StanzaException(StanzaErrorCondition condition, String text) {
        super(text, null, false, false);
        this.condition = condition;
    }

    public StanzaException(StanzaErrorCondition condition) {
        this(condition, "");
    }

    public StanzaErrorCondition condition() {
        return condition;
    }

    public String text() {
        return getMessage();
    }
}
