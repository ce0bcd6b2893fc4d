package org.perch.core;

import java.text.Normalizer;
import java.util.OptionalInt;

/**
 * Text as a chat client shows it, for names that must be unique to the eye (room names, nicknames), prepared as
 * RFC 8266 prepares nicknames: compatibility and width variants made one (NFKC), every space U+0020 with leading and
 * trailing ones removed and runs made one, and invisible formatting characters (Unicode category Cf: zero-width
 * spaces, soft hyphens, direction marks) dropped. Callers that must refuse those characters ask
 * {@link #firstFormatCharacter} first.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** The text in its visible form. */
    public static String of(String text) {
        String mapped = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(mapped.length());
        boolean pendingSpace = false;
        for (int i = 0; i < mapped.length(); ) {
            int c = mapped.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (Character.getType(c) == Character.SPACE_SEPARATOR || Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /** The first invisible formatting character of the text once NFKC-mapped, if any. */
    public static OptionalInt firstFormatCharacter(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints()
                .filter(c -> Character.getType(c) == Character.FORMAT).findFirst();
    }
}
