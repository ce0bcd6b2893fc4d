package org.perch.xmpp.stream;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629 §4), across reads. Aalto 1.3.3 does not: it decodes an overlong
 * form such as {@code C0 9F} (yielding a control character XML forbids), and a two-byte sequence whose bytes
 * arrive in separate reads without looking at the second; so the stream parsers check before Aalto reads.
 */
final class Utf8Check {
    /** Continuation bytes still expected. */
    private int remaining;
    /** Bounds of the next continuation byte (narrower after E0, ED, F0 and F4). */
    private int lower = 0x80;
    private int upper = 0xBF;

    /** True while the bytes so far end inside a character. */
    boolean midCharacter() {
        return remaining > 0;
    }

    /** The index of the first byte in {@code bytes[0, n)} that makes the input ill-formed, or -1. */
    int firstInvalid(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (remaining > 0) {
                if (b < lower || b > upper) {
                    return i;
                }
                remaining--;
                lower = 0x80;
                upper = 0xBF;
            } else if (b >= 0x80 && !lead(b)) {
                return i;
            }
        }
        return -1;
    }

    private boolean lead(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            remaining = 2;
            lower = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
            upper = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        } else if (b >= 0xF0 && b <= 0xF4) {
            remaining = 3;
            lower = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
            upper = b == 0xF4 ? 0x8F : 0xBF; // past F4 8F is beyond U+10FFFF
        } else {
            return false; // a continuation byte without a lead, C0 and C1 (overlong), F5 and up
        }
        return true;
    }
}
