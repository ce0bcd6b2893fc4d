package org.perch.cluster.topology;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.perch.core.EditDistance;

/** The name a typo most likely meant. */
final class Typo {

    private Typo() {
    }

    /** The candidate nearest to {@code word}, without regard to case, if it is at most two letters off. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(c -> EditDistance.between(c.toLowerCase(Locale.ROOT), lower) <= 2)
                .min(Comparator.comparingInt(c -> EditDistance.between(c.toLowerCase(Locale.ROOT), lower)));
    }
}
