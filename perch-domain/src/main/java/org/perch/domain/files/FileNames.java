package org.perch.domain.files;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The display name of an uploaded file, made from whatever the client sent. It is only ever shown and put in URLs,
 * never used as a path, yet it is cleaned as if it were: no directories, no dot-dot, no control or bidirectional
 * formatting characters, at most {@value #MAX_LENGTH} characters.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 100;
    static final String FALLBACK = "file";
    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern LEADING_DOTS_AND_SPACE = Pattern.compile("(?U)^[.\\s]+");

    private FileNames() {
    }

    public static String sanitise(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::allowed).forEach(clean::appendCodePoint);
        // A run of dots becomes one (a single replace of ".." would leave ".." from "...."), and none may lead.
        name = DOTS.matcher(clean.toString()).replaceAll(".");
        name = LEADING_DOTS_AND_SPACE.matcher(name).replaceFirst("").strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return name.isEmpty() ? FALLBACK : name;
    }

    private static boolean allowed(int c) {
        int type = Character.getType(c);
        // Line and paragraph separators are not control characters to Java, but they break a line all the same.
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.PRIVATE_USE && type != Character.SURROGATE && c != ':' && c != '*' && c != '?'
                && c != '"' && c != '<' && c != '>' && c != '|';
    }
}
