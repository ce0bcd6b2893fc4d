package org.perch.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import org.perch.admin.ApiException;
import org.perch.admin.Body;
import org.perch.admin.PasswordCheck;
import org.perch.core.Jid;

/**
 * Signing in and out, and who a request is from. A password is checked exactly as the admin API checks one
 * ({@link PasswordCheck}: same accounts, same lockout, one message for a wrong JID or password), but no
 * administrator role is needed; then the {@link SignInGate} has its say. Passwords go no further than the check:
 * they are neither kept nor logged.
 */
final class SessionEndpoint {

    static final String PATH = "/rooms/api/session";

    /** A user just signed in, and the id of their new session. */
    record SignedIn(Jid user, String sessionId) {
    }

    private final PasswordCheck passwords;
    private final SignInGate gate;
    private final WebSessions sessions;

    SessionEndpoint(PasswordCheck passwords, SignInGate gate, WebSessions sessions) {
        this.passwords = passwords;
        this.gate = gate;
        this.sessions = sessions;
    }

    /** {@code {"jid", "password"}}: a new session, or 400, 401, 403 or 429 as for the admin API. */
    SignedIn signIn(JsonNode json, String address) {
        Body body = new Body(json).only(Set.of("jid", "password"));
        Jid user = account(body.requiredText("jid"));
        passwords.verify(user, body.requiredText("password"), address);
        admit(user);
        return new SignedIn(user, sessions.create(user));
    }

    /**
     * The user whose session the request carries: 401 without a live one, 403 if the gate refuses the user now
     * (their session ends then, so a user shut out while signed in is out at once).
     */
    Jid user(Optional<String> sessionId) {
        String id = sessionId.orElseThrow(SessionEndpoint::signInFirst);
        Jid user = sessions.user(id).orElseThrow(SessionEndpoint::signInFirst);
        try {
            admit(user);
        } catch (ApiException e) {
            sessions.delete(id);
            throw e;
        }
        return user;
    }

    /** Ends the session, if there is one: signing out twice is no error. */
    void signOut(Optional<String> sessionId) {
        sessionId.ifPresent(sessions::delete);
    }

    private void admit(Jid user) {
        Optional<String> refusal = gate.refusal(user);
        if (refusal.isPresent()) {
            throw ApiException.forbidden(refusal.get());
        }
    }

    private static Jid account(String text) {
        Jid jid;
        try {
            jid = Jid.of(text.strip()).toBare();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("jid", "not an XMPP address: " + e.getMessage());
        }
        if (!jid.hasLocal()) {
            throw ApiException.invalid("jid", "sign in with your account's address, such as alice@" + jid);
        }
        return jid;
    }

    private static ApiException signInFirst() {
        return ApiException.unauthorized("sign in first (a session ends after "
                + WebSessions.IDLE_TIMEOUT.toMinutes() + " minutes without use)");
    }
}
