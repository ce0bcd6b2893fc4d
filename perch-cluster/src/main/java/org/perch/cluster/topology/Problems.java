package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one document so far, each placed in the file through its {@link SourceMap}. */
final class Problems {

    private final SourceMap source;
    private final List<TopologyProblem> found = new ArrayList<>();

    Problems(SourceMap source) {
        this.source = source;
    }

    void error(JsonPath path, String message) {
        add(Severity.ERROR, source.locate(path), path, message);
    }

    void warning(JsonPath path, String message) {
        add(Severity.WARNING, source.locate(path), path, message);
    }

    /** An error about a key rather than its value: an unknown or repeated key. */
    void keyError(JsonPath path, String message) {
        add(Severity.ERROR, source.locateKey(path), path, message);
    }

    void error(SourceLocation at, JsonPath path, String message) {
        add(Severity.ERROR, at, path, message);
    }

    private void add(Severity severity, SourceLocation at, JsonPath path, String message) {
        found.add(new TopologyProblem(severity, at, path.toString(), message));
    }

    List<TopologyProblem> list() {
        return List.copyOf(found);
    }
}
