package org.perch.web;

import java.util.List;
import java.util.Optional;

/**
 * The session cookie. {@code __Host-} makes browsers accept it only from this origin, over HTTPS, for path
 * {@code /}; {@code HttpOnly} keeps it from scripts; {@code SameSite=Strict} keeps it off requests other sites
 * start. It has no expiry: the browser drops it when it closes, the server after {@link WebSessions#IDLE_TIMEOUT}.
 */
final class SessionCookie {

    static final String NAME = "__Host-perch-session";
    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Strict";

    private SessionCookie() {
    }

    static String set(String sessionId) {
        return NAME + "=" + sessionId + ATTRIBUTES;
    }

    static String clear() {
        return NAME + "=" + ATTRIBUTES + "; Max-Age=0";
    }

    /** The session id among the request's {@code Cookie} headers, if there is one. */
    static Optional<String> from(List<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String p = pair.strip();
                if (p.startsWith(NAME + "=") && p.length() > NAME.length() + 1) {
                    return Optional.of(p.substring(NAME.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
