package org.perch.domain.chat;

import java.util.Objects;

/**
 * A chat operation was refused; {@link #getMessage()} says why in words fit for the user who asked. A room the
 * caller may not see is refused exactly like a room that does not exist, so the message never reveals it.
 */
public final class ChatException extends RuntimeException {

    /** Why the operation was refused, for callers that map it to a protocol error or an HTTP status. */
    public enum Reason {
        /** No such room or category, or one the caller may not see (XMPP item-not-found). */
        NOT_FOUND,
        /** The caller lacks the role the operation needs (XMPP forbidden). */
        FORBIDDEN,
        /** A name or address is taken, or the object is not in a state that allows it (XMPP conflict). */
        CONFLICT,
        /** The change breaks a Lync rule (XMPP not-acceptable). */
        INVALID,
        /** The server cannot take more work now; try later (XMPP resource-constraint). */
        BUSY
    }

    private final Reason reason;

    public ChatException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
