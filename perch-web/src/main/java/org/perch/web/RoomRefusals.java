package org.perch.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.perch.admin.ApiException;
import org.perch.admin.Body;
import org.perch.admin.Errors;
import org.perch.admin.ListChange;
import org.perch.core.Principal;
import org.perch.domain.chat.ChatException;

/**
 * The domain's refusal of a room form, as the API's error, naming the form field at fault so the page can point
 * at it. The domain judges the room as a whole and says why in words; the field is the one the form filled that
 * the refusal is about: a principal it names, the name it says is taken, the category the user may not create in.
 */
final class RoomRefusals {

    private static final List<String> ROLE_FIELDS = List.of("members", "managers", "presenters");

    private RoomRefusals() {
    }

    static ApiException from(ChatException refusal, Body form) {
        ApiException error = Errors.from(refusal);
        return field(refusal, form).map(f -> new ApiException(error.status(), error.code(), error.getMessage(), f))
                .orElse(error);
    }

    private static Optional<String> field(ChatException refusal, Body form) {
        String message = refusal.getMessage();
        return switch (refusal.reason()) {
            case INVALID -> invalidField(message, form);
            case FORBIDDEN -> form.has("category") ? Optional.of("category") : Optional.empty();
            case CONFLICT -> form.has("name") ? Optional.of("name") : Optional.empty();
            case NOT_FOUND, BUSY -> Optional.empty();
        };
    }

    private static Optional<String> invalidField(String message, Body form) {
        if (message.startsWith("room name") || message.startsWith("a room address")) { // the address is the name's
            return Optional.of("name");
        }
        if (message.startsWith("description")) {
            return Optional.of("description");
        }
        for (String field : ROLE_FIELDS) {
            if (added(form, field).stream().anyMatch(p -> message.contains(p.uri()))) {
                return Optional.of(field);
            }
        }
        return ROLE_FIELDS.stream().filter(f -> form.has(f) && message.contains(f)).findFirst();
    }

    /** The principals a form field puts into a role list. */
    private static Set<Principal> added(Body form, String field) {
        return form.principals(field).map(change -> switch (change) {
            case ListChange.Replace r -> r.principals();
            case ListChange.Modify m -> m.add();
        }).orElse(Set.of());
    }
}
