package org.perch.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.xmpp.sasl.SaslFixture.ALICE;
import static org.perch.xmpp.sasl.SaslFixture.CB_DATA;
import static org.perch.xmpp.sasl.SaslFixture.PASSWORD;
import static org.perch.xmpp.sasl.SaslFixture.assertFailure;
import static org.perch.xmpp.sasl.SaslFixture.challengeData;
import static org.perch.xmpp.sasl.ScramTestClient.utf8;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perch.core.Jid;
import org.perch.store.ScramMechanism;

class ScramServerExchangeTest {

    private static final byte[] NO_CB = new byte[0];

    private final SaslFixture fixture = new SaslFixture();

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    @DisplayName("RFC 5802 §5: a full exchange authenticates the user and the server proves it knows the verifier")
    void scramShouldAuthenticateWithTheRightPassword(ScramMechanism m) {
        ScramTestClient client = ScramTestClient.of(m, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start(m.saslName(), SaslFixture.tlsWithoutBinding());

        Map<String, String> serverFirst = client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));
        SaslStep outcome = exchange.step(client.clientFinal(NO_CB));

        assertThat(serverFirst.get("r")).hasSizeGreaterThanOrEqualTo("clientNonce0123456789".length() + 32);
        assertThat(Base64.getDecoder().decode(serverFirst.get("s"))).hasSize(16);
        assertThat(serverFirst.get("i")).isEqualTo("4096");
        assertThat(outcome).isInstanceOfSatisfying(SaslStep.Success.class, s -> {
            assertThat(s.user()).isEqualTo(ALICE);
            assertThat(new String(s.additionalData(), StandardCharsets.UTF_8))
                    .isEqualTo(client.expectedServerFinal());
        });
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    @DisplayName("RFC 5802 §6: -PLUS binds the exchange to the TLS channel")
    void scramPlusShouldAuthenticateWithMatchingChannelBinding(ScramMechanism m) {
        ScramTestClient client = ScramTestClient.of(m, "p=tls-exporter", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start(m.saslName() + "-PLUS", SaslFixture.tlsWithBinding());

        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));

        assertThat(exchange.step(client.clientFinal(CB_DATA))).isInstanceOf(SaslStep.Success.class);
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void scramPlusShouldFailWhenTheChannelBindingDataDiffers(ScramMechanism m) {
        ScramTestClient client = ScramTestClient.of(m, "p=tls-exporter", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start(m.saslName() + "-PLUS", SaslFixture.tlsWithBinding());
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));

        SaslStep outcome = exchange.step(client.clientFinal(utf8("another TLS connection")));

        assertThat(outcome).isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED,
                "channel binding does not match"));
    }

    @Test
    void scramPlusShouldRefuseAChannelBindingTypeTheConnectionCannotSupply() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "p=tls-unique", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256-PLUS", SaslFixture.tlsWithBinding());

        assertFailure(exchange.step(client.clientFirst()), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void scramPlusShouldRequireTheClientToBind() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256-PLUS", SaslFixture.tlsWithBinding());

        assertFailure(exchange.step(client.clientFirst()), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void scramWithoutPlusShouldRefuseAClientThatBinds() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "p=tls-exporter", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithBinding());

        assertFailure(exchange.step(client.clientFirst()), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    @DisplayName("RFC 5802 §6: flag y while the server offered -PLUS is a downgrade and fails")
    void scramShouldDetectAChannelBindingDowngrade() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "y", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithBinding());

        assertFailure(exchange.step(client.clientFirst()), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void scramShouldAcceptFlagYWhenTheServerOffersNoChannelBinding() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_1, "y", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-1", SaslFixture.tlsWithoutBinding());
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));

        assertThat(exchange.step(client.clientFinal(NO_CB))).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void scramWithoutPlusShouldRefuseAClientFinalThatClaimsBinding() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithBinding());
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));

        assertFailure(exchange.step(client.clientFinal(CB_DATA)), SaslFailure.NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void scramShouldFailWithAWrongPassword(ScramMechanism m) {
        assertThat(runExchange(m, "alice", "Wonderland"))
                .isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, "not authorized"));
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    @DisplayName("RFC 5802 §9: an unknown user gets a plausible server-first-message and the same failure")
    void scramShouldNotRevealThatAUserIsUnknown(ScramMechanism m) {
        Map<String, String> first = serverFirst(m, "mallory");
        Map<String, String> again = serverFirst(m, "mallory");
        Map<String, String> other = serverFirst(m, "trudy");
        Map<String, String> real = serverFirst(m, "alice");

        assertThat(Base64.getDecoder().decode(first.get("s")))
                .hasSameSizeAs(Base64.getDecoder().decode(real.get("s")));
        assertThat(first.get("i")).isEqualTo(real.get("i"));
        assertThat(first.get("r")).hasSameSizeAs(real.get("r"));
        assertThat(again.get("s")).as("stable across attempts, as a real salt is").isEqualTo(first.get("s"));
        assertThat(other.get("s")).isNotEqualTo(first.get("s"));
        assertThat(runExchange(m, "mallory", PASSWORD)).isEqualTo(runExchange(m, "alice", "not the password"));
    }

    @Test
    void scramShouldFailWhenTheClientTampersWithTheNonce() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding());
        Map<String, String> first = client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));

        SaslStep outcome = exchange.step(client.clientFinal(NO_CB, first.get("r") + "x"));

        assertThat(outcome).isEqualTo(new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, "nonce does not match"));
    }

    @Test
    void scramShouldDecodeEscapedUsernames() {
        Jid odd = Jid.bare("x,y=z", "localhost");
        fixture.accounts.add(odd, "pw");

        assertThat(runExchange(ScramMechanism.SHA_256, "x,y=z", "pw"))
                .isInstanceOfSatisfying(SaslStep.Success.class, s -> assertThat(s.user()).isEqualTo(odd));
    }

    @Test
    void scramShouldAcceptTheUsersOwnJidAsAuthzidAndRefuseAnother() {
        ScramTestClient own = new ScramTestClient(ScramMechanism.SHA_256, "n,a=alice@localhost,", "alice",
                PASSWORD, "abc");
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding());
        own.receiveServerFirst(challengeData(exchange.step(own.clientFirst())));
        assertThat(exchange.step(own.clientFinal(NO_CB))).isInstanceOf(SaslStep.Success.class);

        ScramTestClient other = new ScramTestClient(ScramMechanism.SHA_256, "n,a=bob@localhost,", "alice",
                PASSWORD, "abc");
        assertFailure(fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding())
                .step(other.clientFirst()), SaslFailure.INVALID_AUTHZID);
    }

    @Test
    void scramShouldRejectMalformedClientFirstMessages() {
        for (String bad : new String[] {"garbage", "n,,r=abc", "n,,n=alice", "n,,n=al=ZZice,r=abc",
                "x,,n=alice,r=abc", "n,,m=ext,n=alice,r=abc", "n,,n=,r=abc", "n,,n=alice,r="}) {
            assertFailure(fixture.mechanisms.start("SCRAM-SHA-1", SaslFixture.tlsWithoutBinding()).step(utf8(bad)),
                    SaslFailure.MALFORMED_REQUEST);
        }
        assertFailure(fixture.mechanisms.start("SCRAM-SHA-1", SaslFixture.tlsWithoutBinding())
                .step(new byte[] {'n', ',', ',', 'n', '=', (byte) 0xFF, ',', 'r', '=', 'a'}),
                SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void scramShouldRejectAMalformedClientFinalMessage() {
        for (String bad : new String[] {"c=biws,r=x,p=!!!", "c=biws,r=x", "c=%%,r=x,p=AAAA", "r=x,p=AAAA",
                "c=biws,r=,p=AAAA"}) {
            SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding());
            challengeData(exchange.step(ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD)
                    .clientFirst()));

            assertFailure(exchange.step(utf8(bad)), SaslFailure.MALFORMED_REQUEST);
        }
    }

    @Test
    void scramShouldRefuseAUsernameThatCannotBeAJid() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice@evil", PASSWORD);

        assertFailure(fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding())
                .step(client.clientFirst()), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    @DisplayName("RFC 6120 §6.4.2: without an initial response the server sends an empty challenge")
    void scramWithoutInitialResponseShouldSendAnEmptyChallengeFirst() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding());

        assertThat(challengeData(exchange.step(new byte[0]))).isEmpty();
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));
        assertThat(exchange.step(client.clientFinal(NO_CB))).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void scramShouldBeThrottledAfterRepeatedFailures() {
        for (int i = 0; i < SaslFixture.MAX_ACCOUNT_FAILURES; i++) {
            assertFailure(runExchange(ScramMechanism.SHA_256, "alice", "guess" + i), SaslFailure.NOT_AUTHORIZED);
        }

        SaslStep locked = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding())
                .step(ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD).clientFirst());
        assertThat(locked).isEqualTo(new SaslStep.Failure(SaslFailure.TEMPORARY_AUTH_FAILURE,
                "too many failed attempts, try again later"));

        fixture.clock.advance(SaslFixture.WINDOW);
        assertThat(runExchange(ScramMechanism.SHA_256, "alice", PASSWORD)).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void scramShouldCheckTheThrottleAgainBeforeTheProof() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_256, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-256", SaslFixture.tlsWithoutBinding());
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));

        for (int i = 0; i < SaslFixture.MAX_ACCOUNT_FAILURES; i++) {
            runExchange(ScramMechanism.SHA_256, "alice", "parallel guess " + i);
        }

        assertFailure(exchange.step(client.clientFinal(NO_CB)), SaslFailure.TEMPORARY_AUTH_FAILURE);
    }

    @Test
    void stepAfterTheOutcomeShouldFail() {
        ScramTestClient client = ScramTestClient.of(ScramMechanism.SHA_1, "n", "alice", PASSWORD);
        SaslExchange exchange = fixture.mechanisms.start("SCRAM-SHA-1", SaslFixture.tlsWithoutBinding());
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));
        byte[] clientFinal = client.clientFinal(NO_CB);
        assertThat(exchange.step(clientFinal)).isInstanceOf(SaslStep.Success.class);

        assertFailure(exchange.step(clientFinal), SaslFailure.MALFORMED_REQUEST);
    }

    private SaslStep runExchange(ScramMechanism m, String username, String password) {
        ScramTestClient client = ScramTestClient.of(m, "n", username, password);
        SaslExchange exchange = fixture.mechanisms.start(m.saslName(), SaslFixture.tlsWithoutBinding());
        client.receiveServerFirst(challengeData(exchange.step(client.clientFirst())));
        return exchange.step(client.clientFinal(NO_CB));
    }

    private Map<String, String> serverFirst(ScramMechanism m, String username) {
        ScramTestClient client = ScramTestClient.of(m, "n", username, "whatever");
        return client.receiveServerFirst(challengeData(
                fixture.mechanisms.start(m.saslName(), SaslFixture.tlsWithoutBinding()).step(client.clientFirst())));
    }
}
