package org.perch.xmpp.sasl;

/**
 * One authentication attempt with one mechanism. Not thread-safe: it belongs to one connection. After a
 * {@link SaslStep.Success} or {@link SaslStep.Failure} the exchange is over and further steps fail.
 */
public interface SaslExchange {

    /**
     * Takes the client's next response (the first call gets the initial response, an empty array if there was
     * none) and says what to answer. May block on the account store.
     */
    SaslStep step(byte[] clientResponse);
}
