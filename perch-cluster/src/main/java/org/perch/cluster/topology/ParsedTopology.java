package org.perch.cluster.topology;

import java.util.List;
import java.util.Optional;

/**
 * What {@link TopologyParser} read from a file: the model of every element it could read, the problems of the
 * ones it could not, and where each element is in the file.
 */
public final class ParsedTopology {

    private final Optional<Topology> topology;
    private final List<TopologyProblem> problems;
    private final TopologySource source;

    ParsedTopology(Optional<Topology> topology, List<TopologyProblem> problems, TopologySource source) {
        this.topology = topology;
        this.problems = List.copyOf(problems);
        this.source = source;
    }

    /** The model; empty when the file's top level could not be read (not JSON, no domain, another schema…). */
    public Optional<Topology> topology() {
        return topology;
    }

    /** The problems found while reading, in the order they were found. */
    public List<TopologyProblem> problems() {
        return problems;
    }

    TopologySource source() {
        return source;
    }
}
