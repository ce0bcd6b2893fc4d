package org.perch.store;

/** A store could not do what was asked (I/O, database or corruption); the message says what and where. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
