package org.perch.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.Account;
import org.perch.store.AccountStore;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/**
 * What the exchanges share: the account store, the throttle, nonces, and stand-in verifiers for unknown users.
 * Thread-safe; one per server.
 */
final class SaslBackend {

    /** A verifier to run an exchange against; {@code real} is false for a stand-in that must never succeed. */
    record Verifier(ScramCredential credential, boolean real) {
    }

    private final AccountStore accounts;
    private final LoginThrottle throttle;
    private final String domain;
    private final int fakeIterations;
    private final Supplier<String> serverNonces;
    private final byte[] secret;
    private final ScramCredential dummy;

    SaslBackend(AccountStore accounts, LoginThrottle throttle, String domain, int fakeIterations,
                Supplier<String> serverNonces) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.domain = domain;
        this.fakeIterations = fakeIterations;
        this.serverNonces = serverNonces;
        SecureRandom random = new SecureRandom();
        this.secret = new byte[32];
        random.nextBytes(secret);
        // PLAIN for an unknown user still runs PBKDF2 against this, so timing does not tell who exists.
        this.dummy = ScramCredentials.derive(ScramMechanism.SHA_256, "unused", fakeIterations, random);
    }

    /** The bare JID a SASL username names; throws NOT_AUTHORIZED for one that cannot be a local part. */
    Jid user(String username) {
        try {
            return Jid.bare(username, domain);
        } catch (InvalidJidException e) {
            throw new SaslException(SaslFailure.NOT_AUTHORIZED, "not authorized");
        }
    }

    /** Refuses with TEMPORARY_AUTH_FAILURE when the throttle says so. */
    void requireAllowed(Jid user, SaslContext ctx) {
        if (!throttle.allowed(user, ctx.remoteAddress())) {
            throw new SaslException(SaslFailure.TEMPORARY_AUTH_FAILURE, "too many failed attempts, try again later");
        }
    }

    /** Records the outcome and returns the failure to send for a wrong password or proof. */
    SaslStep.Failure failed(Jid user, SaslContext ctx) {
        throttle.failure(user, ctx.remoteAddress());
        return new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, "not authorized");
    }

    void succeeded(Jid user, SaslContext ctx) {
        throttle.success(user, ctx.remoteAddress());
    }

    Optional<Account> account(Jid user) {
        return accounts.find(user);
    }

    /** The user's verifier for the mechanism, or a stand-in that looks the same to the client (RFC 5802 §9). */
    Verifier scramVerifier(ScramMechanism mechanism, Jid user) {
        Optional<ScramCredential> real = account(user).map(a -> a.credentials().get(mechanism));
        if (real.isPresent()) {
            return new Verifier(real.get(), true);
        }
        // Deterministic per user, so asking twice gives the same salt, as it would for a real account.
        String label = mechanism.saslName() + '\0' + user;
        byte[] salt = Arrays.copyOf(derive("salt\0" + label), ScramCredentials.SALT_LENGTH);
        byte[] storedKey = Arrays.copyOf(derive("stored\0" + label), mechanism.keyLength());
        byte[] serverKey = Arrays.copyOf(derive("server\0" + label), mechanism.keyLength());
        return new Verifier(new ScramCredential(mechanism, salt, fakeIterations, storedKey, serverKey), false);
    }

    ScramCredential dummyCredential() {
        return dummy;
    }

    String serverNonce() {
        return serverNonces.get();
    }

    private byte[] derive(String label) {
        return ScramCredentials.hmac(ScramMechanism.SHA_256, secret, label.getBytes(StandardCharsets.UTF_8));
    }
}
