package org.perch.domain.chat;

import java.util.Locale;
import java.util.Objects;
import org.perch.core.Jid;

/**
 * Get-CsPersistentChatEligiblePrincipal's {@code -Filter} and {@code -ResultSize}: a pattern on the bare JID, in
 * which {@code *} stands for any run of characters and everything else for itself, compared without regard to
 * case ({@code *smith*}, {@code alice@example.org}); and how many principals to return at most.
 *
 * @param pattern the pattern; {@code *} matches everyone
 * @param resultSize at most this many (0 to {@link Integer#MAX_VALUE})
 */
public record PrincipalFilter(String pattern, int resultSize) {

    /** Everyone, as many as there are. */
    public static final PrincipalFilter ALL = new PrincipalFilter("*", Integer.MAX_VALUE);

    public PrincipalFilter {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("the filter is empty; '*' matches everyone");
        }
        if (resultSize < 0) {
            throw new IllegalArgumentException("the result size is 0 or more; got " + resultSize);
        }
    }

    public boolean matches(Jid jid) {
        return wildcardMatch(pattern.toLowerCase(Locale.ROOT), jid.toBare().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code text} matches {@code pattern} as a whole. Runs in time proportional to the product of the two
     * lengths at worst: on a mismatch it goes back only to the last {@code *}, where a regular expression of
     * {@code .*} runs could backtrack exponentially on a pattern such as {@code *a*a*a*a*b}.
     */
    static boolean wildcardMatch(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
