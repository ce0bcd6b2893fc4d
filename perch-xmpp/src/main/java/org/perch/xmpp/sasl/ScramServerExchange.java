package org.perch.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;
import org.perch.xmpp.sasl.ScramMessages.ClientFinal;
import org.perch.xmpp.sasl.ScramMessages.ClientFirst;
import org.perch.xmpp.sasl.ScramMessages.Gs2Header;

/** The server side of SCRAM (RFC 5802 §5, RFC 7677), with or without channel binding (-PLUS). */
final class ScramServerExchange implements SaslExchange {

    private enum State { CLIENT_FIRST, CLIENT_FINAL, DONE }

    private final ScramMechanism mechanism;
    private final boolean plus;
    private final SaslContext ctx;
    private final SaslBackend backend;

    private State state = State.CLIENT_FIRST;
    private boolean sentEmptyChallenge;
    private Gs2Header header;
    private byte[] channelBindingData = new byte[0];
    private Jid user;
    private SaslBackend.Verifier verifier;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    ScramServerExchange(ScramMechanism mechanism, boolean plus, SaslContext ctx, SaslBackend backend) {
        this.mechanism = mechanism;
        this.plus = plus;
        this.ctx = ctx;
        this.backend = backend;
    }

    @Override
    public SaslStep step(byte[] clientResponse) {
        try {
            return switch (state) {
                case CLIENT_FIRST -> clientFirst(clientResponse);
                case CLIENT_FINAL -> {
                    state = State.DONE;
                    yield clientFinal(ScramMessages.parseClientFinal(ScramMessages.utf8(clientResponse)));
                }
                case DONE -> new SaslStep.Failure(SaslFailure.MALFORMED_REQUEST, "the exchange is over");
            };
        } catch (SaslException e) {
            state = State.DONE;
            return e.toFailure();
        }
    }

    private SaslStep clientFirst(byte[] response) {
        if (response.length == 0 && !sentEmptyChallenge) {
            // No initial response: RFC 6120 §6.4.2 has the server send an empty challenge.
            sentEmptyChallenge = true;
            return new SaslStep.Challenge(new byte[0]);
        }
        ClientFirst first = ScramMessages.parseClientFirst(ScramMessages.utf8(response));
        header = first.header();
        checkChannelBindingFlag();
        user = backend.user(first.username());
        if (!header.authzid().isEmpty() && !Jid.parse(header.authzid()).equals(Optional.of(user))) {
            throw new SaslException(SaslFailure.INVALID_AUTHZID, "may only authorize as " + user);
        }
        backend.requireAllowed(user, ctx);
        verifier = backend.scramVerifier(mechanism, user);
        ScramCredential credential = verifier.credential();
        clientFirstBare = first.bare();
        nonce = first.nonce() + backend.serverNonce();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt())
                + ",i=" + credential.iterations();
        state = State.CLIENT_FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 5802 §6: the flag must agree with the mechanism, and "y" while we offer -PLUS means a downgrade. */
    private void checkChannelBindingFlag() {
        switch (header.flag()) {
            case 'p' -> {
                if (!plus) {
                    throw new SaslException(SaslFailure.MALFORMED_REQUEST,
                            "channel binding requested with " + mechanism.saslName());
                }
                String type = header.channelBindingType();
                Optional<byte[]> data = ctx.channelBindingTypes().contains(type)
                        ? ctx.channelBindingData().apply(type) : Optional.empty();
                channelBindingData = data.orElseThrow(() -> new SaslException(SaslFailure.MALFORMED_REQUEST,
                        "unsupported channel binding type " + type));
            }
            case 'y' -> {
                if (plus) {
                    throw new SaslException(SaslFailure.MALFORMED_REQUEST, mechanism.saslName()
                            + "-PLUS needs channel binding");
                }
                if (!ctx.channelBindingTypes().isEmpty()) {
                    throw new SaslException(SaslFailure.NOT_AUTHORIZED,
                            "channel binding was offered but the client says it was not (downgrade)");
                }
            }
            default -> {
                if (plus) {
                    throw new SaslException(SaslFailure.MALFORMED_REQUEST, mechanism.saslName()
                            + "-PLUS needs channel binding");
                }
            }
        }
    }

    private SaslStep clientFinal(ClientFinal fin) {
        byte[] gs2 = header.raw().getBytes(StandardCharsets.UTF_8);
        byte[] expectedBinding = new byte[gs2.length + channelBindingData.length];
        System.arraycopy(gs2, 0, expectedBinding, 0, gs2.length);
        System.arraycopy(channelBindingData, 0, expectedBinding, gs2.length, channelBindingData.length);
        if (!MessageDigest.isEqual(expectedBinding, fin.channelBinding())) {
            return new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, "channel binding does not match");
        }
        if (!nonce.equals(fin.nonce())) {
            return new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, "nonce does not match");
        }
        backend.requireAllowed(user, ctx);
        ScramCredential credential = verifier.credential();
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + fin.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        if (!proofMatches(credential, authMessage, fin.proof()) || !verifier.real()) {
            return backend.failed(user, ctx);
        }
        backend.succeeded(user, ctx);
        byte[] serverSignature = ScramCredentials.hmac(mechanism, credential.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new SaslStep.Success(serverFinal.getBytes(StandardCharsets.UTF_8), user);
    }

    /** RFC 5802 §3: ClientKey = ClientProof XOR ClientSignature, and H(ClientKey) must equal StoredKey. */
    private boolean proofMatches(ScramCredential credential, byte[] authMessage, byte[] proof) {
        byte[] storedKey = credential.storedKey();
        byte[] signature = ScramCredentials.hmac(mechanism, storedKey, authMessage);
        if (proof.length != signature.length) {
            return false;
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        return MessageDigest.isEqual(ScramCredentials.hash(mechanism, clientKey), storedKey);
    }
}
