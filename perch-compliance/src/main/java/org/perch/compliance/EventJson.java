package org.perch.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;

/**
 * A chained event as one JSON object of the {@code jsonl} format (docs/compliance.md): every field, an absent room
 * or message id as {@code null} (never as ""), the instant with nine fractional digits.
 */
public final class EventJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    static ObjectNode toJson(ChainedEvent chained) {
        ComplianceEvent e = chained.event();
        ObjectNode json = JSON.createObjectNode();
        json.put("sequence", chained.sequence());
        json.put("event", e.id().toString());
        json.put("type", e.type().name());
        json.put("at", LyncTime.exact(e.at()));
        json.put("actor", Utf8.wellFormed(e.actor().toString()));
        if (e.room().isPresent()) {
            ComplianceRoom room = e.room().get();
            ObjectNode r = json.putObject("room");
            r.put("id", room.id().toString());
            r.put("address", Utf8.wellFormed(room.address()));
            r.put("name", Utf8.wellFormed(room.name()));
        } else {
            json.putNull("room");
        }
        if (e.messageId().isPresent()) {
            json.put("messageId", Utf8.wellFormed(e.messageId().get()));
        } else {
            json.putNull("messageId");
        }
        json.put("content", Utf8.wellFormed(e.content()));
        json.put("prev", chained.previousHash());
        json.put("hash", chained.hash());
        return json;
    }

    /** Reads an object written by {@link #toJson}; throws IllegalArgumentException naming the bad field. */
    public static ChainedEvent fromJson(JsonNode json) {
        ComplianceEvent event = new ComplianceEvent(
                parse(json, "event", UUID::fromString),
                parse(json, "type", ComplianceEventType::valueOf),
                parse(json, "at", Instant::parse),
                parse(json, "actor", Jid::of),
                optional(json, "room").map(EventJson::room),
                optional(json, "messageId").map(JsonNode::textValue),
                text(json, "content"));
        JsonNode sequence = json.get("sequence");
        if (sequence == null || !sequence.canConvertToLong()) {
            throw new IllegalArgumentException("\"sequence\" is missing or not a number");
        }
        return new ChainedEvent(sequence.longValue(), event, text(json, "prev"), text(json, "hash"));
    }

    private static ComplianceRoom room(JsonNode room) {
        return new ComplianceRoom(parse(room, "id", RoomId::of), text(room, "address"), text(room, "name"));
    }

    private static Optional<JsonNode> optional(JsonNode json, String field) {
        if (!json.has(field)) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return json.get(field).isNull() ? Optional.empty() : Optional.of(json.get(field));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.textValue();
    }

    private static <T> T parse(JsonNode json, String field, Function<String, T> parser) {
        String value = text(json, field);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not valid: " + value, e);
        }
    }
}
