package org.perch.web;

import java.util.List;
import java.util.Optional;
import org.perch.admin.ApiException;
import org.perch.admin.Errors;
import org.perch.domain.chat.ChatException;

/**
 * The domain's refusal of a filter, as the API's error, naming the form field at fault so the page can point at
 * it. {@link org.perch.domain.feeds.FilterRules} says what is wrong in words that name the part of the filter; a
 * refusal of the filter as a whole (no criterion at all, one filter too many) names no field.
 */
final class FilterRefusals {

    private static final List<String> LIST_FIELDS = List.of("keywords", "phrases", "senders", "rooms");

    private FilterRefusals() {
    }

    static ApiException from(ChatException refusal) {
        ApiException error = Errors.from(refusal);
        return field(refusal).map(f -> new ApiException(error.status(), error.code(), error.getMessage(), f))
                .orElse(error);
    }

    private static Optional<String> field(ChatException refusal) {
        String message = refusal.getMessage();
        return switch (refusal.reason()) {
            case INVALID -> invalidField(message);
            case NOT_FOUND -> message.startsWith("no such room") ? Optional.of("rooms") : Optional.empty();
            case FORBIDDEN, CONFLICT, BUSY -> Optional.empty();
        };
    }

    private static Optional<String> invalidField(String message) {
        if (message.startsWith("a filter needs a name")) {
            return Optional.of("name");
        }
        if (message.startsWith("the keyword ")) {
            return Optional.of("keywords");
        }
        if (message.startsWith("the phrase ")) {
            return Optional.of("phrases");
        }
        // "a filter has at most 20 phrases", "each of a filter's keywords is at most 100 characters": the plural
        // names the list; the refusal of a filter with no criterion names each kind in the singular.
        return LIST_FIELDS.stream().filter(message::contains).findFirst();
    }
}
