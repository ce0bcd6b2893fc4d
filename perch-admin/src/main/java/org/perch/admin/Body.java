package org.perch.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.perch.core.Principal;

/**
 * Reads a request body field by field, so that every refusal names the field at fault: a field of the wrong type,
 * one the endpoint does not know, a principal that does not parse.
 */
public final class Body {

    private final JsonNode node;

    public Body(JsonNode node) {
        this.node = node;
    }

    /** Refuses any field not in {@code known}: a misspelt field must not be silently ignored. */
    public Body only(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.invalid(name, "unknown field '" + name + "'; known: " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
        return this;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** Whether the field is there and {@code null}, which clears what it names. */
    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public String requiredText(String field) {
        return text(field).orElseThrow(() -> ApiException.invalid(field, field + " is required"));
    }

    public Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(field, field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    public int requiredInt(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw ApiException.invalid(field, field + " is required");
        }
        if (!value.isInt()) {
            throw ApiException.invalid(field, field + " must be a whole number");
        }
        return value.asInt();
    }

    /** One of an enum's values, named in any case: {@code "closed"} for {@code CLOSED}. */
    public <E extends Enum<E>> Optional<E> choice(String field, E[] values) {
        return text(field).map(value -> Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(value))
                .findFirst().orElseThrow(() -> ApiException.invalid(field, field + " is one of " + String.join(", ",
                        Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()) + "; got '"
                        + value + "'")));
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.invalid(field, field + " must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /**
     * A principal list, as Lync's list modifiers allow: an array replaces the list, {@code null} clears it, and
     * {@code {"add": [...], "remove": [...]}} changes it.
     */
    public Optional<ListChange> principals(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            return Optional.of(new ListChange.Replace(Set.of()));
        }
        if (value.isArray()) {
            return Optional.of(new ListChange.Replace(principalSet(field, value)));
        }
        if (value.isObject()) {
            new Body(value).only(Set.of("add", "remove"));
            JsonNode add = value.get("add");
            JsonNode remove = value.get("remove");
            return Optional.of(new ListChange.Modify(add == null ? Set.of() : principalSet(field + ".add", add),
                    remove == null ? Set.of() : principalSet(field + ".remove", remove)));
        }
        throw ApiException.invalid(field, field + " must be an array of principals, null, or {\"add\": [...],"
                + " \"remove\": [...]}");
    }

    private static Set<Principal> principalSet(String field, JsonNode array) {
        if (!array.isArray()) {
            throw ApiException.invalid(field, field + " must be an array of principals");
        }
        Set<Principal> principals = new LinkedHashSet<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw ApiException.invalid(field, field + " must hold strings (user:alice@example.org,"
                        + " domain:example.org or alice@example.org)");
            }
            try {
                principals.add(Principal.of(item.asText()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field, e.getMessage());
            }
        }
        return principals;
    }
}
