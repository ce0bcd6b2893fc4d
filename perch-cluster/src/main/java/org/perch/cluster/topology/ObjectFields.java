package org.perch.cluster.topology;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one JSON object of the topology file, read with their types checked against its {@link Shape}.
 * Every problem (unknown key, missing key, wrong type) is reported; a required key that cannot be read makes the
 * object incomplete, so the parser leaves it out of the model rather than guess.
 */
final class ObjectFields {

    private final JsonNode node;
    private final JsonPath path;
    private final Problems problems;
    private final Shape shape;
    private boolean complete = true;

    private ObjectFields(JsonNode node, JsonPath path, Problems problems, Shape shape) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.shape = shape;
    }

    /** The object's fields, after reporting its unknown keys; empty (reported) if the value is not an object. */
    static Optional<ObjectFields> of(JsonNode node, JsonPath path, Problems problems, Shape shape) {
        if (!node.isObject()) {
            problems.error(path, shape.what() + " must be a JSON object {…}, found " + JsonTypes.describe(node));
            return Optional.empty();
        }
        ObjectFields fields = new ObjectFields(node, path, problems, shape);
        fields.reportUnknownKeys();
        return Optional.of(fields);
    }

    JsonPath path() {
        return path;
    }

    JsonPath path(String key) {
        return path.key(key);
    }

    /** Whether every required key was read. */
    boolean complete() {
        return complete;
    }

    Optional<String> text(String key) {
        return required(key).flatMap(value -> typed(key, value, value.isTextual(), "a string"))
                .map(JsonNode::textValue);
    }

    Optional<String> optionalText(String key) {
        return optional(key).flatMap(value -> typed(key, value, value.isTextual(), "a string"))
                .map(JsonNode::textValue);
    }

    Optional<Integer> integer(String key) {
        return required(key).flatMap(value -> whole(key, value));
    }

    int optionalInteger(String key, int fallback) {
        return optional(key).flatMap(value -> whole(key, value)).orElse(fallback);
    }

    Optional<JsonNode> object(String key) {
        return required(key).flatMap(value -> typed(key, value, value.isObject(), "a JSON object {…}"));
    }

    Optional<JsonNode> optionalObject(String key) {
        return optional(key).flatMap(value -> typed(key, value, value.isObject(), "a JSON object {…}"));
    }

    Optional<JsonNode> array(String key) {
        return required(key).flatMap(value -> typed(key, value, value.isArray(), "a JSON array […]"));
    }

    /** A required array of strings; one element of another type makes it unreadable. */
    Optional<List<String>> texts(String key) {
        Optional<JsonNode> array = array(key);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonNode element = array.get().get(i);
            if (!element.isTextual()) {
                problems.error(path(key).index(i), key + " holds strings, found " + JsonTypes.describe(element));
                complete = false;
            } else {
                texts.add(element.textValue());
            }
        }
        return complete ? Optional.of(texts) : Optional.empty();
    }

    private Optional<JsonNode> required(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            problems.error(path(key), "missing required key '" + key + "' in " + shape.what() + " (its required"
                    + " keys: " + String.join(", ", shape.required()) + ")");
            complete = false;
        }
        return Optional.ofNullable(value);
    }

    private Optional<JsonNode> optional(String key) {
        return Optional.ofNullable(node.get(key));
    }

    private Optional<JsonNode> typed(String key, JsonNode value, boolean right, String expected) {
        if (right) {
            return Optional.of(value);
        }
        problems.error(path(key), key + " must be " + expected + ", found " + JsonTypes.describe(value));
        if (shape.required().contains(key)) {
            complete = false;
        }
        return Optional.empty();
    }

    private Optional<Integer> whole(String key, JsonNode value) {
        return typed(key, value, value.isIntegralNumber() && value.canConvertToInt(), "a whole number")
                .map(JsonNode::intValue);
    }

    private void reportUnknownKeys() {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!shape.allows(key)) {
                problems.keyError(path(key), "unknown key '" + key + "' in " + shape.what()
                        + shape.closest(key).map(k -> "; did you mean '" + k + "'?").orElse("")
                        + " (its keys: " + String.join(", ", shape.keys()) + ")");
            }
        }
    }
}
