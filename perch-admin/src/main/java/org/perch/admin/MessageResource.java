package org.perch.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.MessageSelection;
import org.perch.store.chat.Room;

/**
 * Remove-CsPersistentChatMessage: {@code POST /api/v1/rooms/{name}/messages/remove} with the messages to take
 * (by {@code userUri}, {@code messageText} with {@code matchClause} and {@code caseSensitive}, {@code startDate} and
 * {@code endDate}) and what to leave ({@code replaceMessage}, or nothing at all with {@code remove}).
 */
final class MessageResource {

    static final String REMOVE = RoomResource.ITEM + "/messages/remove";
    private static final Set<String> FIELDS = Set.of("userUri", "messageText", "matchClause", "caseSensitive",
            "startDate", "endDate", "remove", "replaceMessage");

    private final ChatRooms chat;

    MessageResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("POST", REMOVE, this::remove);
    }

    private ApiResponse remove(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        Optional<Jid> user = body.text("userUri").map(u -> CategoryResource.field("userUri",
                () -> Jid.of(u.startsWith("sip:") ? u.substring(4) : u)));
        MessageSelection.Match match = body.text("matchClause").map(MessageResource::match)
                .orElse(MessageSelection.Match.ALL);
        Optional<String> text = body.text("messageText");
        boolean caseSensitive = body.bool("caseSensitive").orElse(false);
        Optional<Instant> start = body.text("startDate").map(t -> instant("startDate", t));
        Optional<Instant> end = body.text("endDate").map(t -> instant("endDate", t));
        MessageSelection selection = selection(user, text, match, caseSensitive, start, end);
        boolean delete = body.bool("remove").orElse(false);
        Optional<String> replacement = body.text("replaceMessage");
        if (delete && replacement.isPresent()) {
            throw ApiException.invalid("replaceMessage", "give remove or replaceMessage, not both");
        }
        Room room = chat.roomByName(request.path("name")).orElseThrow(() ->
                ApiException.notFound("no room named '" + request.path("name") + "'"));
        int removed = chat.removeMessages(request.caller().jid(), room.id(), selection, delete, replacement);
        return ApiResponse.ok(Map.of("removed", removed, "replaced", !delete));
    }

    /** The selection's own refusals span fields (none given, start after end): the message says which. */
    private static MessageSelection selection(Optional<Jid> user, Optional<String> text, MessageSelection.Match match,
                                              boolean caseSensitive, Optional<Instant> start, Optional<Instant> end) {
        try {
            return new MessageSelection(user, text, match, caseSensitive, start, end);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid", e.getMessage(), null);
        }
    }

    private static MessageSelection.Match match(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "all", "and" -> MessageSelection.Match.ALL;
            case "or", "any" -> MessageSelection.Match.ANY;
            case "exact" -> MessageSelection.Match.EXACT;
            default -> throw ApiException.invalid("matchClause", "matchClause is all, or or exact; got '" + text
                    + "'");
        };
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, field + " is an ISO-8601 instant such as 2026-01-31T23:59:59Z; got '"
                    + text + "'");
        }
    }
}
