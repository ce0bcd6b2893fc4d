package org.perch.domain.account;

import java.security.SecureRandom;

/** Hands out the given bytes, repeating them: makes derived salts predictable in tests. */
final class FixedSecureRandom extends SecureRandom {
    private final byte[] bytes;

    FixedSecureRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[i % bytes.length];
        }
    }
}
