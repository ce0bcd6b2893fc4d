package org.perch.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What became of an attack: how its connections ended ({@link ConnectionEnds}), a few figures of what it managed
 * (in the order given, each name saying its unit), and the stanza errors its sessions received, by kind.
 */
record AttackOutcome(AttackKind kind, int size, double seconds, Map<String, Long> ends, Map<String, Double> figures,
                     Map<String, Long> stanzaErrors) {

    AttackOutcome {
        ends = Map.copyOf(ends);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        stanzaErrors = Map.copyOf(stanzaErrors);
    }

    /** One line: the ends, then the figures, then the stanza errors. */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(ConnectionEnds.summary(ends));
        figures.forEach((name, value) -> parts.add(name + " " + number(value)));
        if (!stanzaErrors.isEmpty()) {
            parts.add("stanza errors " + ConnectionEnds.summary(stanzaErrors));
        }
        return String.join("; ", parts);
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return Math.abs(value - Math.rint(value)) < 1e-9 || Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.1f", value);
    }
}
