package org.perch.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.xmpp.sasl.SaslFixture.ALICE;
import static org.perch.xmpp.sasl.SaslFixture.assertFailure;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.Account;
import org.perch.store.ScramMechanism;

class PlainServerExchangeTest {

    private final SaslFixture fixture = new SaslFixture();

    @Test
    void plainShouldAuthenticateWithTheRightPassword() {
        assertThat(plain("\0alice\0wonderland")).isEqualTo(new SaslStep.Success(new byte[0], ALICE));
        assertThat(plain("alice@localhost\0alice\0wonderland")).isEqualTo(new SaslStep.Success(new byte[0], ALICE));
    }

    @Test
    void plainShouldRefuseAWrongPasswordAndAnUnknownUserAlike() {
        SaslStep wrongPassword = plain("\0alice\0Wonderland");
        SaslStep unknownUser = plain("\0mallory\0wonderland");

        assertFailure(wrongPassword, SaslFailure.NOT_AUTHORIZED);
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void plainShouldRefuseAnotherAuthorizationIdentity() {
        assertFailure(plain("bob@localhost\0alice\0wonderland"), SaslFailure.INVALID_AUTHZID);
    }

    @Test
    void plainShouldRejectMalformedMessages() {
        assertFailure(plain("alice wonderland"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(plain("\0\0wonderland"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(plain("\0alice\0"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(plain("\0alice\0wonder\0land"), SaslFailure.MALFORMED_REQUEST);
        SaslExchange exchange = fixture.mechanisms.start("PLAIN", SaslFixture.tlsWithoutBinding());
        assertFailure(exchange.step(new byte[] {0, 'a', 0, (byte) 0xC3}), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void plainShouldRefuseAUsernameThatCannotBeAJid() {
        assertFailure(plain("\0alice@evil\0wonderland"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void plainWithoutInitialResponseShouldSendAnEmptyChallengeFirst() {
        SaslExchange exchange = fixture.mechanisms.start("PLAIN", SaslFixture.tlsWithoutBinding());

        assertThat(SaslFixture.challengeData(exchange.step(new byte[0]))).isEmpty();
        assertThat(exchange.step(bytes("\0alice\0wonderland"))).isInstanceOf(SaslStep.Success.class);
        assertFailure(exchange.step(bytes("\0alice\0wonderland")), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void plainShouldCheckAnAccountThatOnlyHasASha1Verifier() {
        Jid old = Jid.of("old@localhost");
        fixture.store.accounts().create(new Account(old, Map.of(ScramMechanism.SHA_1,
                ScramCredentials.derive(ScramMechanism.SHA_1, "legacy", 4096, new SecureRandom())), false,
                Instant.EPOCH));

        assertThat(plain("\0old\0legacy")).isEqualTo(new SaslStep.Success(new byte[0], old));
        assertFailure(plain("\0old\0wrong"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void plainShouldBeThrottledAfterRepeatedFailures() {
        for (int i = 0; i < SaslFixture.MAX_ACCOUNT_FAILURES; i++) {
            assertFailure(plain("\0alice\0guess" + i), SaslFailure.NOT_AUTHORIZED);
        }

        assertThat(plain("\0alice\0wonderland")).isEqualTo(new SaslStep.Failure(
                SaslFailure.TEMPORARY_AUTH_FAILURE, "too many failed attempts, try again later"));

        fixture.clock.advance(SaslFixture.WINDOW);
        assertThat(plain("\0alice\0wonderland")).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void successShouldClearTheAccountsFailures() {
        for (int i = 0; i < SaslFixture.MAX_ACCOUNT_FAILURES - 1; i++) {
            plain("\0alice\0guess" + i);
        }
        assertThat(plain("\0alice\0wonderland")).isInstanceOf(SaslStep.Success.class);

        plain("\0alice\0guess again");

        assertThat(fixture.throttle.allowed(ALICE, SaslFixture.ADDRESS)).isTrue();
    }

    private SaslStep plain(String message) {
        return fixture.mechanisms.start("PLAIN", SaslFixture.tlsWithoutBinding()).step(bytes(message));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
