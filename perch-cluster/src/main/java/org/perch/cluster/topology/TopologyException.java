package org.perch.cluster.topology;

/** A topology could not be published; the message says which store refused and what was already done. */
public final class TopologyException extends RuntimeException {

    public TopologyException(String message, Throwable cause) {
        super(message, cause);
    }

    public TopologyException(String message) {
        super(message);
    }
}
