package org.perch.cluster.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where each key and value of a document starts, so that a problem found later can point into the file. */
final class SourceMap {

    private final String file;
    private final Map<JsonPath, SourceLocation> keys = new HashMap<>();
    private final Map<JsonPath, SourceLocation> values = new HashMap<>();

    SourceMap(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void key(JsonPath path, SourceLocation at) {
        keys.put(path, at);
    }

    void value(JsonPath path, SourceLocation at) {
        values.put(path, at);
    }

    /**
     * Where the value at {@code path} starts; for a value the file lacks (a missing key), where the nearest
     * enclosing one does.
     */
    SourceLocation locate(JsonPath path) {
        for (Optional<JsonPath> p = Optional.of(path); p.isPresent(); p = p.get().parent()) {
            SourceLocation at = values.get(p.get());
            if (at != null) {
                return at;
            }
        }
        return new SourceLocation(file, 1, 1);
    }

    /** Where the key of the value at {@code path} is written, or the value itself for an array element. */
    SourceLocation locateKey(JsonPath path) {
        SourceLocation at = keys.get(path);
        return at != null ? at : locate(path);
    }
}
