package org.perch.compliance;

import java.nio.charset.StandardCharsets;

/** Text as it survives a trip through UTF-8, which is what files hold and {@link EventChain} hashes. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The text with every lone surrogate (which UTF-8 cannot hold) replaced by '?', exactly as
     * {@link String#getBytes} encodes it, so the written text hashes to what the event hashed to.
     */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return text;
    }
}
