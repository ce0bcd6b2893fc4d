package org.perch.bench.load;

/**
 * Why a session or one of its operations failed: a {@code kind}, a short fixed phrase the errors are counted under
 * ({@code "join refused forbidden"}, never an address), and the detail printed for the first of each kind.
 */
final class SessionException extends RuntimeException {

    private final String kind;

    SessionException(String kind, String detail) {
        super(kind + ": " + detail, null, false, false);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    /** The kind of any failure: a session's own, or a short name for anything else (a timeout, a bug). */
    static String kindOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof SessionException)) {
            cause = cause.getCause();
        }
        return cause instanceof SessionException s ? s.kind : cause.getClass().getSimpleName();
    }

    /** The condition of a stanza's {@code <error/>} child. */
    static String errorCondition(Element stanza) {
        return stanza.child("error").map(SessionException::condition).orElse("undefined-condition");
    }

    /** The defined condition of a stanza or stream error: the first child of {@code <error/>} that is not text. */
    static String condition(Element error) {
        for (Element child : error.children()) {
            if (!child.name().equals("text")) {
                return child.name();
            }
        }
        return "undefined-condition";
    }
}
