package org.perch.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.xmpp.sasl.ScramTestClient.utf8;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.Account;
import org.perch.store.ScramMechanism;
import org.perch.store.memory.InMemoryStore;

class ScramRfcExampleTest {

    @Test
    @DisplayName("RFC 7677 §3: the SCRAM-SHA-256 example exchange, message for message")
    void serverShouldReproduceTheRfc7677Exchange() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        InMemoryStore store = new InMemoryStore();
        store.accounts().create(new Account(Jid.of("user@example.com"), Map.of(ScramMechanism.SHA_256,
                ScramCredentials.derive(ScramMechanism.SHA_256, "pencil", 4096, new FixedRandom(salt))), false,
                Instant.EPOCH));
        SaslMechanisms mechanisms = new SaslMechanisms(store.accounts(),
                new LoginThrottle(5, 20, Duration.ofMinutes(5)), "example.com", 4096,
                () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        SaslExchange exchange = mechanisms.start("SCRAM-SHA-256", SaslContext.insecure("192.0.2.1"));

        SaslStep serverFirst = exchange.step(utf8("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        SaslStep serverFinal = exchange.step(utf8("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));

        assertThat(serverFirst).isEqualTo(new SaslStep.Challenge(utf8(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertThat(serverFinal).isEqualTo(new SaslStep.Success(
                utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="), Jid.of("user@example.com")));
    }

    /** Returns the given bytes: lets the test store the RFC's salt. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
