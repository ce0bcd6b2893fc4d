package org.perch.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.xmpp.sasl.SaslFixture.ADDRESS;
import static org.perch.xmpp.sasl.SaslFixture.assertFailure;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {

    private final SaslMechanisms mechanisms = new SaslFixture().mechanisms;

    @Test
    void offeredShouldPutChannelBindingFirstAndPlainLastOnTls() {
        assertThat(mechanisms.offered(true, List.of("tls-exporter"))).containsExactly("SCRAM-SHA-256-PLUS",
                "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void offeredShouldLeaveOutPlusWithoutChannelBindingAndPlainWithoutTls() {
        assertThat(mechanisms.offered(true, List.of())).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
        assertThat(mechanisms.offered(false, List.of())).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1");
    }

    @Test
    @DisplayName("RFC 6120 §6.4.5: an unsupported mechanism fails with invalid-mechanism")
    void startShouldRefuseAMechanismThatWasNotOffered() {
        assertFailure(mechanisms.start("DIGEST-MD5", SaslFixture.tlsWithBinding()).step(new byte[0]),
                SaslFailure.INVALID_MECHANISM);
        assertFailure(mechanisms.start("SCRAM-SHA-256-PLUS", SaslFixture.tlsWithoutBinding()).step(new byte[0]),
                SaslFailure.INVALID_MECHANISM);
        assertFailure(mechanisms.start("scram-sha-1", SaslFixture.tlsWithoutBinding()).step(new byte[0]),
                SaslFailure.INVALID_MECHANISM);
    }

    @Test
    @DisplayName("RFC 6120 §6.5.4: PLAIN without TLS fails with encryption-required")
    void plainShouldRequireEncryption() {
        SaslStep step = mechanisms.start("PLAIN", SaslContext.insecure(ADDRESS))
                .step("\0alice\0wonderland".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertFailure(step, SaslFailure.ENCRYPTION_REQUIRED);
    }

    @Test
    void failureConditionsShouldHaveTheirRfc6120ElementNames() {
        assertThat(SaslFailure.TEMPORARY_AUTH_FAILURE.elementName()).isEqualTo("temporary-auth-failure");
        assertThat(SaslFailure.NOT_AUTHORIZED.elementName()).isEqualTo("not-authorized");
        assertThat(SaslFailure.values()).extracting(SaslFailure::elementName).containsExactly("aborted",
                "account-disabled", "credentials-expired", "encryption-required", "incorrect-encoding",
                "invalid-authzid", "invalid-mechanism", "malformed-request", "mechanism-too-weak", "not-authorized",
                "temporary-auth-failure");
    }
}
