package org.perch.core;

/** Thrown when text is not a valid XMPP address; the message says which part is wrong and why. */
public final class InvalidJidException extends IllegalArgumentException {
    public InvalidJidException(String message) {
        super(message);
    }
}
