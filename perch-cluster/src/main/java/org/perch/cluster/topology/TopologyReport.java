package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A topology file checked: its problems in file order, and whether it may be published (no errors; warnings
 * allowed).
 *
 * @param fileName the file's name, as problems name it
 * @param document the file's text, what is published
 * @param topology the model, when the file could be read
 * @param problems every problem, sorted by line and column
 */
public record TopologyReport(String fileName, String document, Optional<Topology> topology,
                             List<TopologyProblem> problems) {

    public TopologyReport {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(topology, "topology");
        problems = List.copyOf(problems);
    }

    /** Parses and validates {@code document}, the content of the file {@code fileName}. */
    public static TopologyReport check(String document, String fileName) {
        ParsedTopology parsed = TopologyParser.parse(document, fileName);
        List<TopologyProblem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(TopologyValidator.validate(parsed));
        problems.sort(Comparator.comparingInt((TopologyProblem p) -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return new TopologyReport(fileName, document, parsed.topology(), problems);
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    /** Whether the topology may be published: it was read, and nothing in it is an error. */
    public boolean publishable() {
        return topology.isPresent() && errors() == 0;
    }

    /** One line: {@code FILE: valid, 1 warning} or {@code FILE: 2 errors, 1 warning; not publishable}. */
    public String summary() {
        String warnings = plural(warnings(), "warning");
        return fileName + ": " + (publishable()
                ? (problems.isEmpty() ? "valid, no problems" : "valid, " + warnings)
                : plural(errors(), "error") + ", " + warnings + "; not publishable");
    }

    /** The summary: the document is left out, as a mistaken file may hold a password. */
    @Override
    public String toString() {
        return summary();
    }

    private long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
