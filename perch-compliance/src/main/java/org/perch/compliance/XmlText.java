package org.perch.compliance;

/**
 * Which texts an XML attribute holds exactly. XML 1.0 forbids most control characters and U+FFFE/U+FFFF, and a
 * parser turns tab, line feed and carriage return in an attribute into spaces; a text with any of those is written
 * readable (see {@link #readable}) and, beside it, exactly in base64 (docs/compliance.md), so that no document is
 * ever invalid and no text is ever lost.
 */
final class XmlText {

    private static final int REPLACEMENT = 0xFFFD;

    private XmlText() {
    }

    /** Whether a parser reads {@code text} back unchanged from an attribute. */
    static boolean attributeSafe(String text) {
        return text.codePoints().allMatch(XmlText::keptInAttribute);
    }

    /** The text with tab, line feed and carriage return as spaces and other forbidden characters as U+FFFD. */
    static String readable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
            } else {
                out.appendCodePoint(keptInAttribute(cp) ? cp : REPLACEMENT);
            }
        });
        return out.toString();
    }

    private static boolean keptInAttribute(int cp) {
        // XML 1.0 §2.2 Char, without the three whitespace characters attribute normalisation (§3.3.3) changes.
        return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
