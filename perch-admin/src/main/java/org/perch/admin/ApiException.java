package org.perch.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the API refuses, with the JSON error it is answered with: an HTTP status, a stable machine-readable
 * {@code code}, a message for people, and the request field at fault when there is one.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(Objects.requireNonNull(message, "message"));
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid", message, field);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad-request", message, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not-found", message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The error as it is sent: {@code {"error": {"code", "message", "field"}}}, the field only when known. */
    public ObjectNode toJson() {
        ObjectNode error = Json.MAPPER.createObjectNode();
        ObjectNode details = error.putObject("error");
        details.put("code", code);
        details.put("message", getMessage());
        field().ifPresent(f -> details.put("field", f));
        return error;
    }
}
