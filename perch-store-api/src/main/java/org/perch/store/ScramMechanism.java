package org.perch.store;

/** The hash families Perch keeps SCRAM verifiers for (RFC 5802, RFC 7677). */
public enum ScramMechanism {
    SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1", "PBKDF2WithHmacSHA1", 20),
    SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256", "PBKDF2WithHmacSHA256", 32);

    private final String saslName;
    private final String hmacAlgorithm;
    private final String digestAlgorithm;
    private final String pbkdf2Algorithm;
    private final int keyLength;

    ScramMechanism(String saslName, String hmac, String digest, String pbkdf2, int keyLength) {
        this.saslName = saslName;
        this.hmacAlgorithm = hmac;
        this.digestAlgorithm = digest;
        this.pbkdf2Algorithm = pbkdf2;
        this.keyLength = keyLength;
    }

    /** The SASL mechanism name without the -PLUS suffix. */
    public String saslName() {
        return saslName;
    }

    public String hmacAlgorithm() {
        return hmacAlgorithm;
    }

    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    public String pbkdf2Algorithm() {
        return pbkdf2Algorithm;
    }

    /** Output length of the hash, in bytes. */
    public int keyLength() {
        return keyLength;
    }
}
