package org.perch.cluster.topology;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a JSON document into Jackson's tree while recording, in a {@link SourceMap}, where each key and value
 * starts: Jackson's tree keeps no locations. A repeated key is an error (the first one counts); a syntax error
 * ends the reading, as nothing after it can be trusted, and leaves a missing root.
 */
final class JsonDocumentReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    private final SourceMap source;
    private final Problems problems;
    /** The value being read, for a syntax error's path. */
    private JsonPath position = JsonPath.ROOT;

    private JsonDocumentReader(JsonParser parser, SourceMap source, Problems problems) {
        this.parser = parser;
        this.source = source;
        this.problems = problems;
    }

    /** The document's root, or a missing node if it is empty or not JSON; the problems go to {@code problems}. */
    static JsonNode read(String text, SourceMap source, Problems problems) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonDocumentReader reader = new JsonDocumentReader(parser, source, problems);
            try {
                return reader.document();
            } catch (JacksonException e) {
                problems.error(reader.at(e.getLocation()), reader.position, "invalid JSON, nothing after this point"
                        + " was checked: " + e.getOriginalMessage());
                return MissingNode.getInstance();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a topology held in memory", e);
        }
    }

    private JsonNode document() throws IOException {
        if (parser.nextToken() == null) {
            problems.error(JsonPath.ROOT, "the file is empty; expected the topology, a JSON object");
            return MissingNode.getInstance();
        }
        JsonNode root = value(JsonPath.ROOT);
        if (parser.nextToken() != null) {
            problems.error(here(), JsonPath.ROOT, "unexpected text after the end of the topology; the file holds one"
                    + " JSON value");
            return MissingNode.getInstance();
        }
        return root;
    }

    private JsonNode value(JsonPath path) throws IOException {
        position = path;
        source.value(path, here());
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(path);
            case START_ARRAY -> array(path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected token " + parser.currentToken());
        };
    }

    private ObjectNode object(JsonPath path) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonPath keyPath = path.key(key);
            position = keyPath;
            SourceLocation at = here();
            parser.nextToken();
            if (node.has(key)) {
                SourceLocation first = source.locateKey(keyPath);
                problems.error(at, keyPath, "key '" + key + "' appears a second time (first at line " + first.line()
                        + ", column " + first.column() + "); each key may appear once, and the first one counts");
                parser.skipChildren();
                continue;
            }
            source.key(keyPath, at);
            node.set(key, value(keyPath));
        }
        return node;
    }

    private ArrayNode array(JsonPath path) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            node.add(value(path.index(i)));
        }
        return node;
    }

    private SourceLocation here() {
        return at(parser.currentTokenLocation());
    }

    private SourceLocation at(JsonLocation location) {
        return location == null ? new SourceLocation(source.file(), 1, 1)
                : new SourceLocation(source.file(), location.getLineNr(), location.getColumnNr());
    }
}
