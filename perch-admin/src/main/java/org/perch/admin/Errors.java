package org.perch.admin;

import org.perch.domain.chat.ChatException;

/** The domain's refusals as API errors. */
public final class Errors {

    private Errors() {
    }

    public static ApiException from(ChatException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case FORBIDDEN -> ApiException.forbidden(e.getMessage());
            case CONFLICT -> ApiException.conflict(e.getMessage());
            case INVALID -> ApiException.invalid(null, e.getMessage());
            case BUSY -> new ApiException(503, "busy", e.getMessage(), null);
        };
    }
}
