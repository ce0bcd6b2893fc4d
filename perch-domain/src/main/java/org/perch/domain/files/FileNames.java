package org.perch.domain.files;

import java.text.Normalizer;

/**
 * The display name of an uploaded file, made from whatever the client sent. It is only ever shown and put in URLs,
 * never used as a path, yet it is cleaned as if it were: no directories, no dot-dot, no control or bidirectional
 * formatting characters, at most {@value #MAX_LENGTH} characters.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 100;
    static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String sanitise(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::allowed).forEach(clean::appendCodePoint);
        name = clean.toString().replace("..", ".").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return name.isEmpty() ? FALLBACK : name;
    }

    private static boolean allowed(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE && c != ':' && c != '*' && c != '?'
                && c != '"' && c != '<' && c != '>' && c != '|';
    }
}
