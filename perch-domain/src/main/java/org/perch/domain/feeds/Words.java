package org.perch.domain.feeds;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as filters see it: a list of words, each compatibility-normalised (NFKC, so full-width and ligature forms
 * match their plain letters) and in lower case. A word is a run of letters, digits and combining marks; everything
 * else separates words, so "release," and "Release" are the same word and "re-lease" is two.
 */
public final class Words {
    private Words() {
    }

    public static List<String> of(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(normal.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(normal.substring(start));
        }
        return words;
    }
}
