package org.perch.xmpp.sasl;

import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.Account;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/**
 * SASL PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, checked against the user's SCRAM verifier.
 * Only ever started on an encrypted connection.
 */
final class PlainServerExchange implements SaslExchange {

    private final SaslContext ctx;
    private final SaslBackend backend;
    private boolean sentEmptyChallenge;
    private boolean done;

    PlainServerExchange(SaslContext ctx, SaslBackend backend) {
        this.ctx = ctx;
        this.backend = backend;
    }

    @Override
    public SaslStep step(byte[] clientResponse) {
        if (done) {
            return new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST, "the exchange is over");
        }
        if (clientResponse.length == 0 && !sentEmptyChallenge) {
            sentEmptyChallenge = true;
            return new SaslStep.Challenge(new byte[0]);
        }
        done = true;
        try {
            return authenticate(ScramMessages.utf8(clientResponse));
        } catch (SaslException e) {
            return e.toFailure();
        }
    }

    private SaslStep authenticate(String message) {
        String[] parts = message.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST, "expected [authzid] NUL authcid NUL passwd");
        }
        Jid user = backend.user(parts[1]);
        if (!parts[0].isEmpty() && !Jid.parse(parts[0]).equals(Optional.of(user))) {
            return new SaslStep.Failure(SaslFailure.INVALID_AUTHZID, "may only authorize as " + user);
        }
        backend.requireAllowed(user, ctx);
        Optional<ScramCredential> credential = backend.account(user).flatMap(PlainServerExchange::strongest);
        // An unknown user still costs a PBKDF2 run, so response time does not reveal who exists.
        boolean matches = ScramCredentials.matches(credential.orElse(backend.dummyCredential()), parts[2]);
        if (credential.isEmpty() || !matches) {
            return backend.failed(user, ctx);
        }
        backend.succeeded(user, ctx);
        return new SaslStep.Success(new byte[0], user);
    }

    private static Optional<ScramCredential> strongest(Account account) {
        ScramCredential sha256 = account.credentials().get(ScramMechanism.SHA_256);
        return Optional.ofNullable(sha256 != null ? sha256 : account.credentials().get(ScramMechanism.SHA_1));
    }
}
