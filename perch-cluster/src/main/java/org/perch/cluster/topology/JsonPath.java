package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a value sits in the document, as the reports print it: {@code pools[0].servers[2].role}, {@code $} for the
 * document itself. Keys other than plain words are quoted: {@code stores["db 1"]}.
 */
record JsonPath(List<String> segments) {

    static final JsonPath ROOT = new JsonPath(List.of());
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    JsonPath {
        segments = List.copyOf(segments);
    }

    JsonPath key(String key) {
        return child(PLAIN_KEY.matcher(key).matches() ? "." + key
                : "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
    }

    JsonPath index(int index) {
        return child("[" + index + "]");
    }

    Optional<JsonPath> parent() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(new JsonPath(segments.subList(0,
                segments.size() - 1)));
    }

    private JsonPath child(String segment) {
        List<String> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new JsonPath(longer);
    }

    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "$";
        }
        String joined = String.join("", segments);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
