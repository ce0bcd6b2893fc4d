package org.perch.xmpp.sasl;

import java.util.Arrays;
import java.util.Objects;
import org.perch.core.Jid;

/** What the server answers to one client response (RFC 6120 §6.4). */
public sealed interface SaslStep {

    /** Send {@code <challenge/>} with this data and wait for the client's next response. */
    record Challenge(byte[] data) implements SaslStep {
        public Challenge {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge c && Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Challenge[" + data.length + " bytes]";
        }
    }

    /**
     * Send {@code <success/>} carrying {@code additionalData} (empty for none); {@code user} is the authenticated
     * bare JID.
     */
    record Success(byte[] additionalData, Jid user) implements SaslStep {
        public Success {
            additionalData = additionalData.clone();
            Objects.requireNonNull(user, "user");
        }

        @Override
        public byte[] additionalData() {
            return additionalData.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Success s && user.equals(s.user) && Arrays.equals(additionalData, s.additionalData);
        }

        @Override
        public int hashCode() {
            return 31 * user.hashCode() + Arrays.hashCode(additionalData);
        }

        @Override
        public String toString() {
            return "Success[" + user + "]";
        }
    }

    /** Send {@code <failure/>} with this condition and text; the exchange is over. */
    record Failure(SaslFailure condition, String text) implements SaslStep {
        public Failure {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
        }
    }
}
