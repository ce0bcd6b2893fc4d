package org.perch.domain.account;

import java.util.Objects;

/** An account operation was refused; {@link #getMessage()} names the problem in words fit for an administrator. */
public final class AccountException extends RuntimeException {

    /** Why the operation was refused, for callers that map it to a protocol error or an HTTP status. */
    public enum Reason {
        /** The JID is not of the form {@code local@domain}. */
        INVALID_JID,
        /** The password breaks a rule (empty, too long, control characters). */
        INVALID_PASSWORD,
        /** An account with that JID exists already. */
        ALREADY_EXISTS,
        /** There is no account with that JID. */
        NOT_FOUND
    }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
