package org.perch.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

class ScramCredentialsTest {

    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    @Test
    @DisplayName("RFC 5802 §5: the SCRAM-SHA-1 example's proof and server signature")
    void sha1KeysShouldReproduceTheRfc5802Example() {
        String authMessage = "n=user,r=fyko+d2lbbFgONRv9qkxdawL,"
                + "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096,"
                + "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j";
        byte[] salted = ScramCredentials.saltedPassword(ScramMechanism.SHA_1, "pencil",
                B64D.decode("QSXCR+Q6sek8bf92"), 4096);

        assertThat(proof(ScramMechanism.SHA_1, salted, authMessage)).isEqualTo("v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(serverSignature(ScramMechanism.SHA_1, salted, authMessage))
                .isEqualTo("rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    @DisplayName("RFC 7677 §3: the SCRAM-SHA-256 example's proof and server signature")
    void sha256KeysShouldReproduceTheRfc7677Example() {
        String nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=" + nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=" + nonce;
        byte[] salted = ScramCredentials.saltedPassword(ScramMechanism.SHA_256, "pencil",
                B64D.decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);

        assertThat(proof(ScramMechanism.SHA_256, salted, authMessage))
                .isEqualTo("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(serverSignature(ScramMechanism.SHA_256, salted, authMessage))
                .isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    @DisplayName("RFC 7677 §3: a derived verifier holds the example's StoredKey and ServerKey")
    void deriveShouldStoreTheKeysTheRfc7677ExampleImplies() {
        byte[] salt = B64D.decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        byte[] salted = ScramCredentials.saltedPassword(ScramMechanism.SHA_256, "pencil", salt, 4096);

        ScramCredential credential = ScramCredentials.derive(ScramMechanism.SHA_256, "pencil", 4096,
                new FixedSecureRandom(salt));

        assertThat(credential.salt()).isEqualTo(salt);
        assertThat(credential.iterations()).isEqualTo(4096);
        assertThat(credential.storedKey()).isEqualTo(ScramCredentials.hash(ScramMechanism.SHA_256,
                hmac(ScramMechanism.SHA_256, salted, "Client Key")));
        assertThat(credential.serverKey()).isEqualTo(hmac(ScramMechanism.SHA_256, salted, "Server Key"));
    }

    @Test
    void matchesShouldAcceptTheRightPasswordAndRejectOthers() {
        for (ScramMechanism m : ScramMechanism.values()) {
            ScramCredential credential = ScramCredentials.derive(m, "correct horse", 4096, new SecureRandom());

            assertThat(ScramCredentials.matches(credential, "correct horse")).isTrue();
            assertThat(ScramCredentials.matches(credential, "correct horsE")).isFalse();
            assertThat(ScramCredentials.matches(credential, "")).isFalse();
        }
    }

    @Test
    @DisplayName("RFC 4013: passwords are compared after SASLprep mapping and NFKC")
    void matchesShouldNormaliseThePassword() {
        ScramCredential credential = ScramCredentials.derive(ScramMechanism.SHA_256, "IX a", 4096,
                new SecureRandom());

        assertThat(ScramCredentials.matches(credential, "I\u00ADX a")).as("soft hyphen is dropped").isTrue();
        assertThat(ScramCredentials.matches(credential, "\u2168\u00A0a")).as("Roman nine, no-break space")
                .isTrue();
    }

    @Test
    void saltedPasswordShouldHashNonAsciiPasswordsAsUtf8() throws Exception {
        byte[] salt = new byte[16];
        String password = "pässwörd ☃ 𝄞";

        byte[] expected = pbkdf2OneBlock(password.getBytes(StandardCharsets.UTF_8), salt, 4096);

        assertThat(ScramCredentials.saltedPassword(ScramMechanism.SHA_256, password, salt, 4096))
                .isEqualTo(expected);
    }

    @Test
    void deriveAllShouldGiveEachMechanismItsOwnSalt() {
        Map<ScramMechanism, ScramCredential> all = ScramCredentials.deriveAll("secret", 4096, new SecureRandom());

        assertThat(all).containsOnlyKeys(ScramMechanism.SHA_1, ScramMechanism.SHA_256);
        all.forEach((m, c) -> {
            assertThat(c.mechanism()).isEqualTo(m);
            assertThat(c.salt()).hasSize(ScramCredentials.SALT_LENGTH);
            assertThat(ScramCredentials.matches(c, "secret")).isTrue();
        });
        assertThat(all.get(ScramMechanism.SHA_1).salt()).isNotEqualTo(all.get(ScramMechanism.SHA_256).salt());
    }

    private static String proof(ScramMechanism m, byte[] salted, String authMessage) {
        byte[] clientKey = hmac(m, salted, "Client Key");
        byte[] storedKey = ScramCredentials.hash(m, clientKey);
        byte[] signature = hmac(m, storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return B64.encodeToString(proof);
    }

    private static String serverSignature(ScramMechanism m, byte[] salted, String authMessage) {
        return B64.encodeToString(hmac(m, hmac(m, salted, "Server Key"), authMessage));
    }

    private static byte[] hmac(ScramMechanism m, byte[] key, String text) {
        return ScramCredentials.hmac(m, key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) for one output block, written out to check the JDK's char encoding. */
    private static byte[] pbkdf2OneBlock(byte[] password, byte[] salt, int iterations) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password, "HmacSHA256"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }
}
