package org.perch.cluster.topology;

import java.util.Objects;

/**
 * One thing wrong with a topology file.
 *
 * @param location where in the file
 * @param path the JSON path of the value concerned, e.g. {@code pools[0].servers[2].role}; {@code $} for the
 *     document itself
 * @param message what is wrong and what is expected
 */
public record TopologyProblem(Severity severity, SourceLocation location, String path, String message) {

    public TopologyProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE:COLUMN: error|warning: path: message}. */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + path + ": " + message;
    }
}
