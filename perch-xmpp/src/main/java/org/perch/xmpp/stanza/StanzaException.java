package org.perch.xmpp.stanza;

import java.util.Optional;
import org.perch.xmpp.xml.XmlElement;

/**
 * A handler refuses a stanza; the caller answers the sender with this condition (RFC 6120 §8.3) and goes on.
 */
public final class StanzaException extends RuntimeException {
    private final StanzaErrorCondition condition;
    private final Optional<XmlElement> applicationCondition;

    public StanzaException(StanzaErrorCondition condition, String text) {
        this(condition, text, Optional.empty());
    }

    /** With an application-specific condition (RFC 6120 §8.3.4), such as XEP-0060's {@code precondition-not-met}. */
    public StanzaException(StanzaErrorCondition condition, String text, Optional<XmlElement> applicationCondition) {
        super(text, null, false, false);
        this.condition = condition;
        this.applicationCondition = applicationCondition;
    }

    public StanzaException(StanzaErrorCondition condition) {
        this(condition, "");
    }

    public StanzaErrorCondition condition() {
        return condition;
    }

    public Optional<XmlElement> applicationCondition() {
        return applicationCondition;
    }

    public String text() {
        return getMessage();
    }
}
