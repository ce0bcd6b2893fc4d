package org.perch.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;

/** Why a step of {@code perch test message} failed, in one line an operator can act on. */
final class Failures {

    private Failures() {
    }

    /** A step's own finding, already in words. */
    static final class StepFailed extends Exception {
        StepFailed(String reason) {
            super(reason);
        }
    }

    static String describe(Throwable failure, Duration limit) {
        return switch (failure) {
            case StepFailed e -> e.getMessage();
            case XMPPException.XMPPErrorException e -> describe(e.getStanzaError());
            case SASLErrorException e -> "the server refused the login: " + e.getSASLFailure().getSASLErrorString()
                    + text(e.getSASLFailure().getDescriptiveText(), "wrong address or password?");
            case SmackException.NoResponseException e -> "no answer within " + limit.toSeconds() + " s";
            case SmackException.EndpointConnectionException e -> "cannot connect: " + reasons(e);
            case InterruptedException e -> "interrupted";
            default -> fromCauses(failure);
        };
    }

    /** A refusal from the server: its condition and, when it gave one, its own words (a policy's, a room's). */
    static String describe(StanzaError error) {
        return error.getCondition() + text(error.getDescriptiveText(), "");
    }

    /** Why Smack could not connect: one exception per address it tried, told once each. */
    static String reasons(SmackException.EndpointConnectionException e) {
        return String.join("; ", e.getConnectionExceptions().stream()
                .map(c -> String.valueOf(deepest(c.getException()).getMessage())).distinct().toList());
    }

    /** Transport failures arrive wrapped by Smack; the cause that names the problem is further down. */
    private static String fromCauses(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return "the server's certificate is not trusted: " + deepest(t).getMessage();
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "cannot connect: " + t.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** The innermost cause, whose message says what went wrong without the wrappers' class names. */
    private static Throwable deepest(Throwable t) {
        Throwable inner = t;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        return inner;
    }

    private static String text(String given, String otherwise) {
        String text = given == null || given.isBlank() ? otherwise : given;
        return text.isEmpty() ? "" : " (" + text + ")";
    }
}
