package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A principal list option, after the cmdlets' list modifiers ({@code @{Add=...}}, {@code @{Remove=...}},
 * {@code $null}): {@code a,b} replaces the list, {@code add=a,b} and {@code remove=c} change it (the option may
 * be repeated to do both), and an empty value clears it. Principals are {@code alice@example.org},
 * {@code user:alice@example.org} or {@code domain:example.org}.
 */
final class PrincipalListOption {

    static final String HELP = "a,b replaces the list; add=a,b and remove=c change it (repeatable); '' clears it."
            + " Principals: alice@example.org, user:alice@example.org, domain:example.org.";

    private PrincipalListOption() {
    }

    /** The JSON the API takes for the option's values, or empty when the option was not given. */
    static Optional<JsonNode> toJson(String option, List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode change = nodes.objectNode();
        JsonNode replacement = null;
        for (String value : values) {
            if (value.startsWith("add=") || value.startsWith("remove=")) {
                String kind = value.substring(0, value.indexOf('='));
                ArrayNode list = change.has(kind) ? (ArrayNode) change.get(kind) : change.putArray(kind);
                split(value.substring(kind.length() + 1)).forEach(list::add);
            } else if (replacement != null) {
                throw new CliException(option + " was given two lists to replace it with; give one, or use add= and"
                        + " remove=");
            } else {
                replacement = value.isBlank() ? NullNode.getInstance() : nodes.arrayNode().addAll(
                        split(value).stream().map(nodes::textNode).toList());
            }
        }
        if (replacement != null && !change.isEmpty()) {
            throw new CliException(option + ": replace the list or change it with add= and remove=, not both");
        }
        return Optional.of(replacement != null ? replacement : change);
    }

    private static List<String> split(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
