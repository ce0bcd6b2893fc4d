package org.perch.testing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.ExtendedSSLSession;
import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * A SCRAM client (RFC 5802, RFC 7677) for Smack, written for the tests because Smack 4.5 has only SCRAM-SHA-1
 * (its SCRAM code hashes the client key with SHA-1 whatever the HMAC), and its SCRAM-SHA-1-PLUS cannot compute
 * {@code tls-server-end-point} (see {@link #serverEndPoint()}). This one does SHA-1 and SHA-256, without binding or with
 * {@code tls-server-end-point} (RFC 5929) or {@code tls-exporter} (RFC 9266, needs JDK 25's exporter API).
 *
 * <p>Registered with a priority worse than PLAIN, so Smack only picks it when a test enables it by name.
 */
public final class ScramSaslMechanism extends SASLMechanism {
    /** The channel binding a mechanism instance uses. */
    public enum Binding {
        NONE(""), TLS_SERVER_END_POINT("tls-server-end-point"), TLS_EXPORTER("tls-exporter"),
        /** No binding, with the gs2 flag "y": the client could bind but thinks the server cannot (slixmpp 1.8). */
        CLIENT_ONLY("");

        private final String type;

        Binding(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    private static final int PRIORITY = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MethodHandle EXPORTER = findExporter();

    private final String hash;
    private final Binding binding;
    private String clientFirstBare;
    private String gs2Header;
    private byte[] expectedServerSignature;
    private boolean serverVerified;

    /**
     * @param hash {@code SHA-1} or {@code SHA-256}
     */
    public ScramSaslMechanism(String hash, Binding binding) {
        this.hash = hash;
        this.binding = binding;
    }

    /** True if the running JDK can compute {@code tls-exporter} bindings (JDK 25+). */
    public static boolean exporterAvailable() {
        return EXPORTER != null;
    }

    @Override
    public String getName() {
        return "SCRAM-" + hash + (binding == Binding.NONE || binding == Binding.CLIENT_ONLY ? "" : "-PLUS");
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    protected void authenticateInternal(CallbackHandler cbh) {
        throw new UnsupportedOperationException("SCRAM needs a password");
    }

    @Override
    protected byte[] getAuthenticationText() {
        String nonce = nonce();
        gs2Header = switch (binding) {
            case NONE -> "n,,";
            case CLIENT_ONLY -> "y,,";
            default -> "p=" + binding.type() + ",,";
        };
        clientFirstBare = "n=" + authenticationId.replace("=", "=3D").replace(",", "=2C") + ",r=" + nonce;
        return utf8(gs2Header + clientFirstBare);
    }

    @Override
    protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
        String text = new String(challenge, StandardCharsets.UTF_8);
        Map<String, String> attributes = parse(text);
        if (attributes.containsKey("v")) {
            serverVerified = MessageDigest.isEqual(expectedServerSignature,
                    Base64.getDecoder().decode(attributes.get("v")));
            return null;
        }
        String nonce = attributes.get("r");
        if (nonce == null || !nonce.startsWith(clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3))) {
            throw new SmackSaslException("server nonce does not extend ours: " + text);
        }
        byte[] salt = Base64.getDecoder().decode(attributes.get("s"));
        int iterations = Integer.parseInt(attributes.get("i"));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(channelBindingInput()) + ",r=" + nonce;
        byte[] authMessage = utf8(clientFirstBare + "," + text + "," + withoutProof);
        try {
            byte[] salted = salted(saslPrep(password), salt, iterations);
            byte[] clientKey = hmac(salted, utf8("Client Key"));
            byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
            byte[] signature = hmac(storedKey, authMessage);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            expectedServerSignature = hmac(hmac(salted, utf8("Server Key")), authMessage);
            return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
        } catch (GeneralSecurityException e) {
            throw new SmackSaslException(e);
        }
    }

    @Override
    public void checkIfSuccessfulOrThrow() throws SmackSaslException {
        if (!serverVerified) {
            throw new SmackSaslException("the server's signature was missing or wrong");
        }
    }

    @Override
    protected SASLMechanism newInstance() {
        return new ScramSaslMechanism(hash, binding);
    }

    private byte[] channelBindingInput() throws SmackSaslException {
        byte[] header = utf8(gs2Header);
        byte[] data = switch (binding) {
            case NONE, CLIENT_ONLY -> new byte[0];
            case TLS_SERVER_END_POINT -> serverEndPoint();
            case TLS_EXPORTER -> exporter();
        };
        byte[] out = new byte[header.length + data.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(data, 0, out, header.length, data.length);
        return out;
    }

    /**
     * RFC 5929 §4.1: the server certificate hashed with its signature's hash function, MD5 and SHA-1 replaced by
     * SHA-256. (Smack's {@code TLSUtils.getChannelBindingTlsServerEndPoint} names the digest after the public key
     * algorithm, "EC" or "RSA", and so always fails.)
     */
    private byte[] serverEndPoint() throws SmackSaslException {
        try {
            X509Certificate leaf = (X509Certificate) sslSession.getPeerCertificates()[0];
            String algorithm = leaf.getSigAlgName().toUpperCase(Locale.ROOT);
            int with = algorithm.indexOf("WITH");
            if (with <= 0) {
                throw new SmackSaslException("no single hash in signature algorithm " + algorithm);
            }
            String digest = switch (algorithm.substring(0, with).replace("-", "")) {
                case "MD5", "SHA1", "SHA256" -> "SHA-256";
                case "SHA384" -> "SHA-384";
                case "SHA512" -> "SHA-512";
                default -> throw new SmackSaslException("unexpected signature algorithm " + algorithm);
            };
            return MessageDigest.getInstance(digest).digest(leaf.getEncoded());
        } catch (GeneralSecurityException | javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new SmackSaslException(e);
        }
    }

    private byte[] exporter() throws SmackSaslException {
        if (EXPORTER == null || !(sslSession instanceof ExtendedSSLSession session)) {
            throw new SmackSaslException("tls-exporter is not available on this JDK or connection");
        }
        try {
            return (byte[]) EXPORTER.invokeExact(session, "EXPORTER-Channel-Binding", new byte[0], 32);
        } catch (Throwable e) {
            throw new SmackSaslException(new IllegalStateException("tls-exporter failed", e));
        }
    }

    private byte[] salted(String normalizedPassword, byte[] salt, int iterations) throws GeneralSecurityException {
        String algorithm = "PBKDF2WithHmac" + hash.replace("-", "");
        PBEKeySpec spec = new PBEKeySpec(normalizedPassword.toCharArray(), salt, iterations,
                MessageDigest.getInstance(hash).getDigestLength() * 8);
        return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    }

    private byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        String algorithm = "Hmac" + hash.replace("-", "").toUpperCase(Locale.ROOT);
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data);
    }

    private static Map<String, String> parse(String message) {
        Map<String, String> out = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                out.put(part.substring(0, 1), part.substring(2));
            }
        }
        return out;
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '-').replace('/', '_');
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MethodHandle findExporter() {
        try {
            return MethodHandles.publicLookup().findVirtual(ExtendedSSLSession.class, "exportKeyingMaterialData",
                    MethodType.methodType(byte[].class, String.class, byte[].class, int.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
