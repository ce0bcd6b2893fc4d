package org.perch.chatdata;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import org.perch.core.Principal;

/**
 * The one JSON configuration of data files. Lines are compact, and their fields come out in the order they were
 * put, which is what makes two exports of the same data equal byte for byte. Reading is strict: one value per
 * line, no field twice.
 */
final class DataJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DataJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A set as a sorted array of principal URIs, so that the same set is always the same text. */
    static void putPrincipals(ObjectNode line, String field, Set<Principal> principals) {
        ArrayNode array = line.putArray(field);
        principals.stream().map(Principal::uri).sorted().forEach(array::add);
    }

    /** An enum constant as the file writes it: its name in lower case. */
    static String choice(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static String write(ObjectNode line) {
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JacksonException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The line as a JSON object; a {@link DataFileException} naming the line if it is not one. */
    static ObjectNode parse(String text, long line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw DataFileException.at(line, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw DataFileException.at(line, "not a JSON object; every line is one record {\"type\":…}");
        }
        return (ObjectNode) json;
    }

    /** The text as JSON, or null if it is not JSON at all. */
    static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
