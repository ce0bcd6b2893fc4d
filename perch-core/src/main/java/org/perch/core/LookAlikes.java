package org.perch.core;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * When two names look alike in a client although they are spelt with different characters: "аlice" with a Cyrillic
 * а, "Ηanna" with a Greek Eta, "a1ice" with a digit one, "rnike" for "mike". Unicode TR39 (§4, confusable detection)
 * says two strings are confusable when their skeletons are equal, and ICU's {@link SpoofChecker} computes the
 * skeleton from Unicode's confusables data, which comes new with every Unicode release.
 *
 * <p>Names here also compare without regard to case, and the confusables data is not closed under case: a Cyrillic
 * К passes for a K, but its small letter к does not pass for a k; a Greek σ passes for an o, its capital Σ does not.
 * No one skeleton catches both, so a name has three, of its {@link VisibleText visible form} as written, in small
 * letters and in capitals, and two names look alike when any of the three are equal. Lower-casing alone would miss
 * "КАТЕ" for "KATE"; capitals alone would miss "bσb" for "bob"; as written catches "PayPaI", whose capital I passes
 * for the small l of "PayPal" but is neither a small l nor, in capitals, an L.
 *
 * <p>Accents are kept, as TR39 keeps them: "Chloé", "Chloè" and "Chloe" are different names, which is what a reader of
 * French or Spanish sees. Marks that look alike count as one (a combining caron and a breve, for instance).
 */
public final class LookAlikes {

    // Loading the confusables data is the expensive part; the built checker is immutable and safe to share.
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    private LookAlikes() {
    }

    /** A name's TR39 skeletons: of its visible form as written, in small letters and in capitals. */
    public record Skeletons(String asWritten, String lower, String upper) {

        /** Whether the two names look alike: written the same way, both in small letters, or both in capitals. */
        public boolean alike(Skeletons other) {
            return asWritten.equals(other.asWritten) || lower.equals(other.lower) || upper.equals(other.upper);
        }
    }

    /** The skeletons of a name. */
    public static Skeletons of(String name) {
        String visible = VisibleText.of(name);
        return new Skeletons(CONFUSABLES.getSkeleton(visible),
                CONFUSABLES.getSkeleton(visible.toLowerCase(Locale.ROOT)),
                CONFUSABLES.getSkeleton(visible.toUpperCase(Locale.ROOT)));
    }
}
