package org.perch.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/**
 * SCRAM key derivation (RFC 5802 §3, RFC 7677): turns a password into the verifier the server keeps, and checks a
 * password against a verifier (what SASL PLAIN needs).
 *
 * <p>Passwords are normalised as SASLprep does (RFC 4013: non-ASCII spaces become U+0020, "commonly mapped to
 * nothing" characters are dropped, then NFKC) and encoded as UTF-8, so a password typed on another keyboard
 * layout or client still matches.
 */
public final class ScramCredentials {

    /** Salt length in bytes for new verifiers; RFC 5802 leaves it open, 16 is what NIST SP 800-132 asks. */
    public static final int SALT_LENGTH = 16;

    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    private ScramCredentials() {
    }

    /** A new verifier for the password with a fresh random salt. */
    public static ScramCredential derive(ScramMechanism mechanism, String password, int iterations,
                                         SecureRandom random) {
        Objects.requireNonNull(mechanism, "mechanism");
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return deriveWithSalt(mechanism, password, salt, iterations);
    }

    /** One verifier per mechanism, each with its own salt. */
    public static Map<ScramMechanism, ScramCredential> deriveAll(String password, int iterations,
                                                                 SecureRandom random) {
        Map<ScramMechanism, ScramCredential> all = new EnumMap<>(ScramMechanism.class);
        for (ScramMechanism m : ScramMechanism.values()) {
            all.put(m, derive(m, password, iterations, random));
        }
        return Collections.unmodifiableMap(all);
    }

    /** True if the password produces the verifier's StoredKey; the comparison takes the same time either way. */
    public static boolean matches(ScramCredential credential, String password) {
        ScramMechanism m = credential.mechanism();
        String normalised = normalize(password);
        if (normalised.isEmpty()) {
            return false;
        }
        byte[] salted = saltedPassword(m, normalised, credential.salt(), credential.iterations());
        byte[] storedKey = hash(m, hmac(m, salted, CLIENT_KEY));
        return MessageDigest.isEqual(storedKey, credential.storedKey());
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), RFC 5802 §3. */
    public static byte[] saltedPassword(ScramMechanism mechanism, String password, byte[] salt, int iterations) {
        String normalised = normalize(password);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        char[] chars = normalised.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, mechanism.keyLength() * 8);
        try {
            // The JDK's PBKDF2WithHmacSHA* encodes the chars as UTF-8, which is what RFC 5802 asks for.
            return SecretKeyFactory.getInstance(mechanism.pbkdf2Algorithm()).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the JDK lacks " + mechanism.pbkdf2Algorithm(), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /** HMAC(key, data) with the mechanism's hash. */
    public static byte[] hmac(ScramMechanism mechanism, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(mechanism.hmacAlgorithm());
            mac.init(new SecretKeySpec(key, mechanism.hmacAlgorithm()));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot compute " + mechanism.hmacAlgorithm(), e);
        }
    }

    /** H(data) with the mechanism's hash. */
    public static byte[] hash(ScramMechanism mechanism, byte[] data) {
        try {
            return MessageDigest.getInstance(mechanism.digestAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + mechanism.digestAlgorithm(), e);
        }
    }

    /** The password as SCRAM hashes it: RFC 4013 mapping, then NFKC. Prohibited characters are not checked here. */
    public static String normalize(String password) {
        StringBuilder mapped = new StringBuilder(password.length());
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (isMappedToNothing(c)) {
                continue;
            }
            mapped.append(isNonAsciiSpace(c) ? ' ' : c);
        }
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    }

    static ScramCredential deriveWithSalt(ScramMechanism m, String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(m, password, salt, iterations);
        byte[] storedKey = hash(m, hmac(m, salted, CLIENT_KEY));
        byte[] serverKey = hmac(m, salted, SERVER_KEY);
        Arrays.fill(salted, (byte) 0);
        return new ScramCredential(m, salt, iterations, storedKey, serverKey);
    }

    /** RFC 3454 table B.1. */
    private static boolean isMappedToNothing(char c) {
        return c == '\u00AD' || c == '\u034F' || c == '\u1806' || (c >= '\u180B' && c <= '\u180D')
                || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || (c >= '\uFE00' && c <= '\uFE0F')
                || c == '\uFEFF';
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(char c) {
        return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200B') || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }
}
