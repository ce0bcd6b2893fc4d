package org.perch.xmpp.sasl;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.store.AccountStore;
import org.perch.store.ScramMechanism;

/**
 * The SASL negotiation entry point (RFC 6120 §6): which mechanisms to offer on a connection, and a new
 * {@link SaslExchange} for the one the client picks. Thread-safe; one per server and domain.
 */
public final class SaslMechanisms {

    public static final String SCRAM_SHA_256_PLUS = "SCRAM-SHA-256-PLUS";
    public static final String SCRAM_SHA_1_PLUS = "SCRAM-SHA-1-PLUS";
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    public static final String SCRAM_SHA_1 = "SCRAM-SHA-1";
    public static final String PLAIN = "PLAIN";

    /** Iteration count shown for unknown users when none is given: RFC 7677's minimum. */
    public static final int DEFAULT_ITERATIONS = 4096;

    private static final int NONCE_BYTES = 24;

    private final SaslBackend backend;

    /** Mechanisms for {@code domain}, showing unknown users {@value #DEFAULT_ITERATIONS} iterations. */
    public SaslMechanisms(AccountStore accounts, LoginThrottle throttle, String domain) {
        this(accounts, throttle, domain, DEFAULT_ITERATIONS);
    }

    /**
     * @param iterations the PBKDF2 iteration count real accounts are created with; the stand-in verifier shown for
     *        an unknown user uses it too, so the server-first-message does not give the user away
     */
    public SaslMechanisms(AccountStore accounts, LoginThrottle throttle, String domain, int iterations) {
        this(accounts, throttle, domain, iterations, randomNonces(new SecureRandom()));
    }

    SaslMechanisms(AccountStore accounts, LoginThrottle throttle, String domain, int iterations,
                   Supplier<String> serverNonces) {
        this.backend = new SaslBackend(Objects.requireNonNull(accounts, "accounts"),
                Objects.requireNonNull(throttle, "throttle"), Jid.domainOnly(domain).domain(), iterations,
                serverNonces);
    }

    /**
     * The mechanisms to advertise, strongest first: the -PLUS variants only when the connection can supply
     * channel binding data, PLAIN only when the connection is encrypted.
     */
    public List<String> offered(boolean secure, List<String> channelBindingTypes) {
        List<String> names = new ArrayList<>(5);
        if (!channelBindingTypes.isEmpty()) {
            names.add(SCRAM_SHA_256_PLUS);
            names.add(SCRAM_SHA_1_PLUS);
        }
        names.add(SCRAM_SHA_256);
        names.add(SCRAM_SHA_1);
        if (secure) {
            names.add(PLAIN);
        }
        return List.copyOf(names);
    }

    /**
     * Starts an exchange with the mechanism the client chose. A mechanism not offered on this connection gives an
     * exchange whose first step fails with INVALID_MECHANISM (ENCRYPTION_REQUIRED for PLAIN without TLS).
     */
    public SaslExchange start(String mechanism, SaslContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (PLAIN.equals(mechanism) && !ctx.secure()) {
            return failing(SaslFailure.ENCRYPTION_REQUIRED, "PLAIN is only allowed on an encrypted connection");
        }
        if (!offered(ctx.secure(), ctx.channelBindingTypes()).contains(mechanism)) {
            return failing(SaslFailure.INVALID_MECHANISM, "mechanism " + mechanism + " is not offered");
        }
        return switch (mechanism) {
            case PLAIN -> new PlainServerExchange(ctx, backend);
            case SCRAM_SHA_256 -> new ScramServerExchange(ScramMechanism.SHA_256, false, ctx, backend);
            case SCRAM_SHA_256_PLUS -> new ScramServerExchange(ScramMechanism.SHA_256, true, ctx, backend);
            case SCRAM_SHA_1 -> new ScramServerExchange(ScramMechanism.SHA_1, false, ctx, backend);
            case SCRAM_SHA_1_PLUS -> new ScramServerExchange(ScramMechanism.SHA_1, true, ctx, backend);
            default -> throw new IllegalStateException("offered but not implemented: " + mechanism);
        };
    }

    private static SaslExchange failing(SaslFailure condition, String text) {
        SaslStep.Failure failure = new SaslStep.Failure(condition, text);
        return response -> failure;
    }

    private static Supplier<String> randomNonces(SecureRandom random) {
        return () -> {
            byte[] bytes = new byte[NONCE_BYTES];
            random.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        };
    }
}
