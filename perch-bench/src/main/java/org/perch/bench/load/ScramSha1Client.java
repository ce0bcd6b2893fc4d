package org.perch.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-1 (RFC 5802), without channel binding: the GS2 header is {@code n,,}, which tells a server that offers
 * the -PLUS variants that the client does not support binding (§6), rather than {@code y,,}, which would make such
 * a server suspect a downgrade. The salted password costs the server's iteration count of HMACs (4096 by default,
 * a millisecond or two) once per login, on the calling thread.
 */
final class ScramSha1Client implements SaslClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GS2_HEADER = "n,,";
    private static final int NONCE_BYTES = 18;

    private final String password;
    private final String clientNonce;
    private final String clientFirstBare;
    private byte[] expectedServerSignature;

    ScramSha1Client(String user, String password, String clientNonce) {
        this.password = password;
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    static ScramSha1Client of(String user, String password) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return new ScramSha1Client(user, password, Base64.getEncoder().encodeToString(nonce));
    }

    @Override
    public String mechanism() {
        return "SCRAM-SHA-1";
    }

    @Override
    public byte[] initialResponse() {
        return utf8(GS2_HEADER + clientFirstBare);
    }

    /** Answers the server-first-message ({@code r=…,s=…,i=…}) with the client-final-message and its proof. */
    @Override
    public byte[] respond(byte[] challenge) {
        String serverFirst = new String(challenge, StandardCharsets.UTF_8);
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (String attribute : serverFirst.split(",")) {
            String value = attribute.substring(2);
            switch (attribute.charAt(0)) {
                case 'r' -> nonce = value;
                case 's' -> salt = Base64.getDecoder().decode(value);
                case 'i' -> iterations = Integer.parseInt(value);
                default -> { }
            }
        }
        if (nonce == null || !nonce.startsWith(clientNonce) || salt == null || iterations < 1) {
            throw new IllegalStateException("unusable SCRAM server-first-message: " + serverFirst);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(utf8(GS2_HEADER)) + ",r=" + nonce;
        byte[] authMessage = utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] salted = saltedPassword(salt, iterations);
        byte[] clientKey = hmac(salted, utf8("Client Key"));
        byte[] signature = hmac(sha1(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        expectedServerSignature = hmac(hmac(salted, utf8("Server Key")), authMessage);
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** The server-final-message {@code v=…} must carry the signature only a server knowing the password can make. */
    @Override
    public void verifySuccess(byte[] additionalData) {
        String serverFinal = new String(additionalData, StandardCharsets.UTF_8);
        if (expectedServerSignature == null || !serverFinal.startsWith("v=") || !MessageDigest.isEqual(
                expectedServerSignature, Base64.getDecoder().decode(serverFinal.substring(2)))) {
            throw new IllegalStateException("the server's SCRAM signature is wrong: " + serverFinal);
        }
    }

    private byte[] saltedPassword(byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 160);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA1 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
