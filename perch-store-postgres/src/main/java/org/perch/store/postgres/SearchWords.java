package org.perch.store.postgres;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.SequencedSet;
import java.util.stream.Collectors;

/**
 * The words of a text, as the PostgreSQL index keeps them and looks them up. Made here, not by PostgreSQL's text
 * search parser, because that parser leaves CJK text without spaces as one word, and what it counts as a letter
 * depends on the server's locale: the words a message is found by must not change with the server.
 *
 * <p>The text is put in Unicode NFKC form (an accent typed as one code point or as a letter plus a combining mark
 * is one letter; full-width and compatibility forms become plain ones) and lower-cased. A word is then a run of
 * letters and digits, with the combining marks that follow them; each CJK ideograph and each hiragana is a word of
 * its own (how text without spaces becomes searchable); everything else (spaces, punctuation, symbols, emoji)
 * separates words. Accents are kept: "café" does not find "cafe", as in the embedded (Lucene) index.
 */
final class SearchWords {

    /** Longer runs are cut into pieces of this many code points, so that a lexeme stays within PostgreSQL's limit. */
    static final int MAX_WORD_LENGTH = 255;
    /** The most UTF-8 bytes the lexemes of one PostgreSQL {@code tsvector} may add up to. */
    static final int MAX_TSVECTOR_BYTES = 1_048_575;

    private SearchWords() {
    }

    /** The distinct words of {@code text}, in the order they first occur. */
    static SequencedSet<String> of(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        SequencedSet<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        int length = 0;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            // A mark belongs to the letter before it; one after a space or an ideograph (a variation selector) is
            // dropped.
            boolean extendsWord = isMark(c) ? !word.isEmpty() : Character.isLetterOrDigit(c) && !standsAlone(c);
            if (extendsWord) {
                if (length == MAX_WORD_LENGTH) {
                    length = end(word, words);
                }
                word.appendCodePoint(c);
                length++;
            } else {
                length = end(word, words);
                if (standsAlone(c)) {
                    words.add(Character.toString(c));
                }
            }
        }
        end(word, words);
        return words;
    }

    /**
     * The distinct words of a message body, in the order they first occur, as many as one {@code tsvector} holds:
     * a body whose distinct words exceed about a megabyte is found by its first ones only.
     */
    static SequencedSet<String> ofBody(String body) {
        SequencedSet<String> kept = new LinkedHashSet<>();
        long bytes = 0;
        for (String word : of(body)) {
            bytes += word.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TSVECTOR_BYTES) {
                break;
            }
            kept.add(word);
        }
        return kept;
    }

    /**
     * A {@code tsquery} that matches a {@code tsvector} holding every one of {@code words}: each word a quoted
     * lexeme, so no character of it is ever read as an operator.
     */
    static String allOf(SequencedSet<String> words) {
        return words.stream().map(w -> "'" + w.replace("\\", "\\\\").replace("'", "''") + "'")
                .collect(Collectors.joining(" & "));
    }

    /** Ends the word being read, if any, adding it to {@code words}; returns the length of the next, 0. */
    private static int end(StringBuilder word, SequencedSet<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
        return 0;
    }

    private static boolean standsAlone(int c) {
        return Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
