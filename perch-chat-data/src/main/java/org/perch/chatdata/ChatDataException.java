package org.perch.chatdata;

/** An export or import cannot be done; the message is written for the operator. */
public class ChatDataException extends RuntimeException {

    public ChatDataException(String message) {
        super(message);
    }

    public ChatDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
