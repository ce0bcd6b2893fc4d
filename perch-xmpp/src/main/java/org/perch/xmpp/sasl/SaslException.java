package org.perch.xmpp.sasl;

/** Ends an exchange from deep inside parsing or checking; caught by the exchange and turned into a failure. */
final class SaslException extends RuntimeException {
    private final SaslFailure condition;

    SaslException(SaslFailure condition, String message) {
        super(message, null, false, false);
        this.condition = condition;
    }

    SaslStep.Failure toFailure() {
        return new SaslStep.Failure(condition, getMessage());
    }
}
