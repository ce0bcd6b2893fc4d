package org.perch.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.perch.core.Jid;

/**
 * The page's sign-in sessions, kept in memory (a restart signs everyone out): a random 256-bit id, the user, and
 * when it was last used. A session unused for {@link #IDLE_TIMEOUT} is gone. Thread-safe.
 */
final class WebSessions {

    /** How long a session lives without a request. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    private static final int ID_BYTES = 32;

    private record Session(Jid user, Instant lastUsed) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;

    WebSessions(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new session for the user; its id is what the cookie carries. Expired sessions are swept on the way. */
    String create(Jid user) {
        Instant now = clock.instant();
        sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(user.toBare(), now));
        return id;
    }

    /** The session's user, if the session exists and has not idled out; using it restarts its idle time. */
    Optional<Jid> user(String id) {
        Instant now = clock.instant();
        Session touched = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : new Session(s.user(), now));
        return Optional.ofNullable(touched).map(Session::user);
    }

    void delete(String id) {
        sessions.remove(id);
    }

    int size() {
        return sessions.size();
    }

    private static boolean expired(Session session, Instant now) {
        return !session.lastUsed().plus(IDLE_TIMEOUT).isAfter(now);
    }
}
