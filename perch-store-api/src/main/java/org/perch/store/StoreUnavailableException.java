package org.perch.store;

/**
 * The store could not be reached for the moment: the connection to the database was lost or refused, the database
 * is shutting down, or the host answering is a standby that takes no writes (as while a replicated store fails
 * over). Trying again later may succeed; a write that failed this way may or may not have been committed.
 */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
