package org.perch.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A salted SCRAM verifier: what the server keeps instead of a password (RFC 5802 §3). It is enough to check a
 * login but not to log in as the user.
 */
public record ScramCredential(ScramMechanism mechanism, byte[] salt, int iterations, byte[] storedKey,
                              byte[] serverKey) {

    public ScramCredential {
        Objects.requireNonNull(mechanism, "mechanism");
        if (salt == null || salt.length < 16) {
            throw new IllegalArgumentException("salt must be at least 16 bytes");
        }
        if (iterations < 4096) {
            throw new IllegalArgumentException("iterations must be at least 4096 (RFC 7677), got " + iterations);
        }
        if (storedKey == null || storedKey.length != mechanism.keyLength()
                || serverKey == null || serverKey.length != mechanism.keyLength()) {
            throw new IllegalArgumentException("keys must be " + mechanism.keyLength() + " bytes for " + mechanism);
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredential c && mechanism == c.mechanism && iterations == c.iterations
                && Arrays.equals(salt, c.salt) && Arrays.equals(storedKey, c.storedKey)
                && Arrays.equals(serverKey, c.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechanism, iterations, Arrays.hashCode(salt), Arrays.hashCode(storedKey));
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "ScramCredential[" + mechanism + ", iterations=" + iterations + "]";
    }
}
