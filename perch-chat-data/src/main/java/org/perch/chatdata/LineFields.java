package org.perch.chatdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.perch.core.Jid;
import org.perch.core.Principal;

/**
 * The fields of one line (or of an object inside it), read with their types checked. Every field is required,
 * the optional ones as {@code null}; a wrong, missing or unknown field is a {@link DataFileException} naming the
 * line and the field.
 */
final class LineFields {

    private final long line;
    private final ObjectNode json;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    LineFields(long line, ObjectNode json) {
        this(line, json, "");
    }

    private LineFields(long line, ObjectNode json, String prefix) {
        this.line = line;
        this.json = json;
        this.prefix = prefix;
    }

    long line() {
        return line;
    }

    String text(String field) {
        JsonNode value = value(field);
        if (!value.isTextual()) {
            throw error(field, "must be a string");
        }
        return value.textValue();
    }

    Optional<String> optionalText(String field) {
        JsonNode value = value(field);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string or null");
        }
        return Optional.of(value.textValue());
    }

    boolean bool(String field) {
        JsonNode value = value(field);
        if (!value.isBoolean()) {
            throw error(field, "must be true or false");
        }
        return value.booleanValue();
    }

    int integer(String field) {
        JsonNode value = value(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(field, "must be a whole number");
        }
        return value.intValue();
    }

    UUID uuid(String field) {
        String text = text(field);
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equals(text.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the text
        }
        throw error(field, "'" + text + "' is not a UUID");
    }

    Instant instant(String field) {
        return instantOf(field, text(field));
    }

    Optional<Instant> optionalInstant(String field) {
        return optionalText(field).map(text -> instantOf(field, text));
    }

    Jid jid(String field) {
        String text = text(field);
        return check(field, () -> Jid.of(text));
    }

    /** An array of principal URIs ({@code user:alice@example.org}, {@code domain:example.org}). */
    Set<Principal> principals(String field) {
        JsonNode value = value(field);
        if (!value.isArray()) {
            throw error(field, "must be an array of principals");
        }
        Set<Principal> principals = new HashSet<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw error(field, "must be an array of principals (strings such as user:alice@example.org)");
            }
            principals.add(check(field, () -> Principal.of(item.textValue())));
        }
        return principals;
    }

    /** One of the enum's constants, written in lower case. */
    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String text = text(field);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        throw error(field, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** An object, or empty for null; its fields are named {@code field.inner} in errors. */
    Optional<LineFields> optionalObject(String field) {
        JsonNode value = value(field);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw error(field, "must be an object or null");
        }
        return Optional.of(new LineFields(line, (ObjectNode) value, prefix + field + "."));
    }

    /** Builds a value whose constructor checks it; its refusal becomes this field's error. */
    <T> T check(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
    }

    /** Refuses any field not read: in schema 1 it is a mistake, not something to skip. */
    void requireNoOthers() {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw DataFileException.at(line, prefix + name, "unknown field");
            }
        }
    }

    DataFileException error(String field, String problem) {
        return DataFileException.at(line, prefix + field, problem);
    }

    private Instant instantOf(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(field, "'" + text + "' is not an instant such as 2026-01-31T12:00:00Z");
        }
    }

    private JsonNode value(String field) {
        read.add(field);
        JsonNode value = json.get(field);
        if (value == null) {
            throw error(field, "missing");
        }
        return value;
    }
}
