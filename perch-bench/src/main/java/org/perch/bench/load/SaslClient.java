package org.perch.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The client side of the SASL mechanisms the generator logs in with (RFC 6120 §6). */
sealed interface SaslClient permits SaslClient.Plain, ScramSha1Client {

    /** The mechanism's name as servers advertise it. */
    String mechanism();

    /** What goes in {@code <auth/>}. */
    byte[] initialResponse();

    /** The answer to a {@code <challenge/>}. */
    byte[] respond(byte[] challenge);

    /** Checks the additional data of {@code <success/>}: with SCRAM, the proof that the server knows the password. */
    void verifySuccess(byte[] additionalData);

    /** {@code scram-sha-1} or {@code plain}, case-insensitive. */
    static SaslClient of(String mechanism, String user, String password) {
        return switch (mechanism.toLowerCase(Locale.ROOT)) {
            case "scram-sha-1" -> ScramSha1Client.of(user, password);
            case "plain" -> new Plain(user, password);
            default -> throw new IllegalArgumentException("unknown SASL mechanism " + mechanism
                    + " (scram-sha-1 or plain)");
        };
    }

    /** PLAIN (RFC 4616): the password in the clear, which is why servers offer it only inside TLS. */
    record Plain(String user, String password) implements SaslClient {

        @Override
        public String mechanism() {
            return "PLAIN";
        }

        @Override
        public byte[] initialResponse() {
            return ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] respond(byte[] challenge) {
            throw new IllegalStateException("PLAIN takes no challenge");
        }

        @Override
        public void verifySuccess(byte[] additionalData) {
            // nothing to check
        }
    }
}
