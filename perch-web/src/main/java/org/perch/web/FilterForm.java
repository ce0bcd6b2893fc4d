package org.perch.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.perch.admin.ApiException;
import org.perch.admin.Body;
import org.perch.core.Jid;
import org.perch.domain.feeds.FilterDraft;

/**
 * The page's filter form, read into the domain's draft: the whole filter each time (a save replaces it). Only the
 * form's shape is checked here, each fault naming its field; what a filter may hold is
 * {@link org.perch.domain.feeds.FilterRules}'s to say. Rooms are given as on the XMPP side, by room JID of this
 * service, or by address alone.
 */
final class FilterForm {

    static final Set<String> FIELDS = Set.of("name", "alert", "keywords", "phrases", "senders", "rooms");

    private FilterForm() {
    }

    /** The draft for the filter with {@code id}, or for a new one when it is empty. */
    static FilterDraft read(JsonNode json, Optional<String> id, String mucDomain) {
        if (!json.isObject()) {
            throw ApiException.badRequest("send the filter as a JSON object");
        }
        Body body = new Body(json).only(FIELDS);
        List<Jid> senders = strings(json, "senders").stream().map(FilterForm::sender).toList();
        List<String> rooms = strings(json, "rooms").stream().map(r -> roomAddress(r, mucDomain)).toList();
        return new FilterDraft(id, body.requiredText("name"), strings(json, "keywords"), strings(json, "phrases"),
                senders, rooms, body.bool("alert").orElse(true));
    }

    private static List<String> strings(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.invalid(field, field + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.invalid(field, field + " must be an array of strings");
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static Jid sender(String text) {
        return Jid.parse(text.strip()).filter(Jid::hasLocal)
                .orElseThrow(() -> ApiException.invalid("senders", "not a user's JID: " + text));
    }

    /**
     * The room's address: the local part of a room JID of this service, or the text itself if it names no domain.
     * A JID of any other domain names no room here, and is told so as a room that does not exist is.
     */
    private static String roomAddress(String text, String mucDomain) {
        String room = text.strip();
        if (!room.contains("@")) {
            return room;
        }
        return Jid.parse(room).filter(j -> j.hasLocal() && j.resource().isEmpty() && j.domain().equals(mucDomain))
                .map(Jid::local)
                .orElseThrow(() -> new ApiException(404, "not-found", "no such room: " + text, "rooms"));
    }
}
