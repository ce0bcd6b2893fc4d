package org.perch.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.domain.account.LoginThrottle;
import org.perch.store.memory.InMemoryStore;

/** One server's worth of SASL over an in-memory store, with alice@localhost (password "wonderland"). */
final class SaslFixture {

    static final Jid ALICE = Jid.of("alice@localhost");
    static final String PASSWORD = "wonderland";
    static final String ADDRESS = "192.0.2.1";
    static final byte[] CB_DATA = "fake tls-exporter bytes".getBytes(StandardCharsets.UTF_8);
    static final int MAX_ACCOUNT_FAILURES = 3;
    static final Duration WINDOW = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock();
    final InMemoryStore store = new InMemoryStore();
    final AccountService accounts = new AccountService(store.accounts(), 4096, new SecureRandom(), clock);
    final LoginThrottle throttle = new LoginThrottle(MAX_ACCOUNT_FAILURES, 100, WINDOW, clock);
    final SaslMechanisms mechanisms = new SaslMechanisms(store.accounts(), throttle, "localhost");

    SaslFixture() {
        accounts.add(ALICE, PASSWORD);
    }

    /** TLS with tls-exporter channel binding, as TLS 1.3 gives. */
    static SaslContext tlsWithBinding() {
        return new SaslContext(true, List.of("tls-exporter"),
                type -> type.equals("tls-exporter") ? Optional.of(CB_DATA.clone()) : Optional.empty(), ADDRESS);
    }

    /** TLS that cannot supply channel binding. */
    static SaslContext tlsWithoutBinding() {
        return new SaslContext(true, List.of(), type -> Optional.empty(), ADDRESS);
    }

    static byte[] challengeData(SaslStep step) {
        assertThat(step).isInstanceOf(SaslStep.Challenge.class);
        return ((SaslStep.Challenge) step).data();
    }

    static void assertFailure(SaslStep step, SaslFailure condition) {
        assertThat(step).isInstanceOfSatisfying(SaslStep.Failure.class,
                f -> assertThat(f.condition()).isEqualTo(condition));
    }
}
