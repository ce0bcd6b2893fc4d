package org.perch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;

class WebSessionsTest {

    private final WebTestBase.MutableClock clock = new WebTestBase.MutableClock();
    private final WebSessions sessions = new WebSessions(new SecureRandom(), clock);
    private final Jid alice = Jid.of("alice@example.org");

    @Test
    void idsShouldBeUnguessable256BitValues() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(sessions.create(alice));
        }
        assertThat(ids).hasSize(1000).allMatch(id -> id.matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void aSessionShouldIdleOutAfterThirtyMinutesExactly() {
        String id = sessions.create(Jid.of("alice@example.org/desk"));

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(sessions.user(id)).as("bare JID").hasValue(alice);
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.user(id)).isEmpty();
        assertThat(sessions.size()).as("an expired session is dropped when seen").isZero();
    }

    @Test
    void expiredSessionsShouldBeSweptWhenAnotherIsCreated() {
        sessions.create(alice);
        sessions.create(alice);
        clock.advance(Duration.ofHours(1));

        sessions.create(alice);

        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void aDeletedSessionShouldBeGone() {
        String id = sessions.create(alice);
        sessions.delete(id);
        assertThat(sessions.user(id)).isEmpty();
    }
}
