package org.perch.server.tls;

/** A TLS certificate or key cannot be read, generated or used; the message names the file and the problem. */
public class TlsException extends RuntimeException {
    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
