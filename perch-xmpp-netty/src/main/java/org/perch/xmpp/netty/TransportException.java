package org.perch.xmpp.netty;

/** The transport could not start (a listener could not bind, the TLS identity is unusable). */
public final class TransportException extends RuntimeException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
