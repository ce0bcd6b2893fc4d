package org.perch.chatdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The first line of a data file: what it is, the schema its lines follow, how much it holds, and from when its
 * history starts ({@code since}, empty for all of it).
 */
public record DataHeader(int schema, DataLevel level, Optional<Instant> since) {

    /** The {@code format} every data file names, so an import recognises one. */
    public static final String FORMAT = "perch-chat-data";
    /** The schema this Perch writes, and the newest it reads. */
    public static final int SCHEMA = 1;

    public DataHeader {
        if (schema < 1 || schema > SCHEMA) {
            throw new IllegalArgumentException("schema " + schema + " is not one this Perch knows (1 to " + SCHEMA
                    + ")");
        }
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(since, "since");
        if (level == DataLevel.CONFIGURATION && since.isPresent()) {
            throw new IllegalArgumentException("a configuration-level export holds no history to start from a date");
        }
    }

    /** The header of an export this Perch writes. */
    public static DataHeader of(DataLevel level, Optional<Instant> since) {
        return new DataHeader(SCHEMA, level, since);
    }

    ObjectNode toJson() {
        ObjectNode json = DataJson.object();
        json.put("format", FORMAT);
        json.put("schema", schema);
        json.put("level", level.fileName());
        json.put("since", since.map(Instant::toString).orElse(null));
        return json;
    }

    /**
     * Reads line 1. A schema newer than {@link #SCHEMA} is refused before any other field is looked at: a newer
     * Perch may have changed them.
     */
    static DataHeader read(String line) {
        JsonNode json = DataJson.parseOrNull(line);
        if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").textValue())) {
            throw DataFileException.at(1, "not a Perch chat data file: the first line must be the header"
                    + " {\"format\":\"" + FORMAT + "\",\"schema\":…}");
        }
        LineFields fields = new LineFields(1, (ObjectNode) json);
        fields.text("format");
        int schema = fields.integer("schema");
        if (schema > SCHEMA) {
            throw new ChatDataException("this file has schema " + schema + "; this Perch reads schema " + SCHEMA
                    + " and older: upgrade Perch to import it");
        }
        if (schema < 1) {
            throw fields.error("schema", "there is no schema " + schema + "; the first is 1");
        }
        DataLevel level = fields.choice("level", DataLevel.class);
        Optional<Instant> since = fields.optionalInstant("since");
        fields.requireNoOthers();
        return fields.check("since", () -> new DataHeader(schema, level, since));
    }
}
