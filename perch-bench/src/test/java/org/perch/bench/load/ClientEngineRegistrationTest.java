package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.perch.bench.load.Accounts.Account;
import org.perch.testing.PerchTestServer;

/**
 * {@code --register}, against a real Perch over TLS: the generator makes its accounts through XEP-0077 before it
 * logs in, as it must on Prosody and ejabberd, and takes an account that exists as it is.
 */
class ClientEngineRegistrationTest {

    private static final Account NEWCOMER = new Account("newcomer", "a long enough password");

    @Test
    void aSessionShouldRegisterItsAccountAndLogInWithIt() throws Exception {
        try (PerchTestServer server = PerchTestServer.start(Map.of("registration.enabled", "true"));
             ClientEngine engine = engine(server, true)) {
            XmppSession session = engine.login(NEWCOMER, "first").get(30, TimeUnit.SECONDS);

            assertThat(session).isNotNull();
            assertThat(engine.held()).isEqualTo(1);
        }
    }

    @Test
    void anAccountThatExistsAlreadyShouldBeUsedAsItIs() throws Exception {
        try (PerchTestServer server = PerchTestServer.start(Map.of("registration.enabled", "true"))) {
            server.addUser(NEWCOMER.user(), NEWCOMER.password(), false);
            try (ClientEngine engine = engine(server, true)) {
                engine.login(NEWCOMER, "first").get(30, TimeUnit.SECONDS);
                engine.login(NEWCOMER, "second").get(30, TimeUnit.SECONDS);

                assertThat(engine.held()).isEqualTo(2);
            }
            try (ClientEngine engine = engine(server, true)) {
                Account wrongPassword = new Account(NEWCOMER.user(), "not the password");
                assertThatThrownBy(() -> engine.login(wrongPassword, "third").get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause()
                        .hasMessageStartingWith("SASL failure not-authorized");
            }
        }
    }

    @Test
    void aServerWithoutRegistrationShouldFailTheLoginSayingSo() throws Exception {
        try (PerchTestServer server = PerchTestServer.start(Map.of());
             ClientEngine engine = engine(server, true)) {
            assertThatThrownBy(() -> engine.login(NEWCOMER, "first").get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .hasMessageStartingWith("no in-band registration");
        }
    }

    private static ClientEngine engine(PerchTestServer server, boolean register) throws Exception {
        Target target = new Target("127.0.0.1", server.c2sPort(), PerchTestServer.DOMAIN, "chat.localhost");
        Path ca = server.dataDir().resolve("tls").resolve("localhost.crt");
        return ClientEngine.start(target, Optional.of(ca), "scram-sha-1", register, SourceAddresses.parse("127.0.0.1"),
                1, new LoadProbe());
    }
}
