package org.perch.cluster.topology;

import com.fasterxml.jackson.databind.JsonNode;

/** How messages name what the file holds where something else was expected. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string \"" + shortened(value.textValue()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BINARY, MISSING, POJO -> "nothing readable";
        };
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
