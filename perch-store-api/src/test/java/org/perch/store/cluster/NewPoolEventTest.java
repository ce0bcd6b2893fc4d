package org.perch.store.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.core.RoomId;

class NewPoolEventTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static NewPoolEvent event(String origin, String subject, String payload) {
        return new NewPoolEvent(origin, Optional.of(RoomId.random()), PoolEventKind.BROADCAST, subject, payload, AT);
    }

    @Test
    void theLongestTextsShouldBeAcceptedAndEmptySubjectAndPayloadToo() {
        String origin = "s".repeat(NewPoolEvent.MAX_ORIGIN_LENGTH);
        String subject = "n".repeat(NewPoolEvent.MAX_SUBJECT_LENGTH);
        String payload = "p".repeat(NewPoolEvent.MAX_PAYLOAD_LENGTH);

        assertThat(event(origin, subject, payload).payload()).hasSize(NewPoolEvent.MAX_PAYLOAD_LENGTH);
        assertThat(event("fe1", "", "").subject()).isEmpty();
    }

    @Test
    void textsTooLongShouldBeRefusedNamingTheField() {
        assertThatThrownBy(() -> event("s".repeat(64), "", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("origin is 64 characters; at most 63");
        assertThatThrownBy(() -> event("fe1", "n".repeat(1024), "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject is 1024 characters; at most 1023");
        assertThatThrownBy(() -> event("fe1", "", "p".repeat(1_000_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload is 1000001 characters; at most 1000000");
    }

    @Test
    void aBlankOriginOrANulCharacterShouldBeRefused() {
        assertThatThrownBy(() -> event(" ", "", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("origin must not be blank");
        assertThatThrownBy(() -> event("fe1", "", "<message>\0</message>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("payload contains a NUL character (U+0000)");
        assertThatThrownBy(() -> event("fe1", "ni\0ck", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject contains a NUL character (U+0000)");
    }

    @Test
    void missingPartsShouldBeRefusedNamingThem() {
        assertThatThrownBy(() -> new NewPoolEvent("fe1", null, PoolEventKind.SERVER_GONE, "", "", AT))
                .isInstanceOf(NullPointerException.class).hasMessage("room");
        assertThatThrownBy(() -> new NewPoolEvent("fe1", Optional.empty(), null, "", "", AT))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new NewPoolEvent("fe1", Optional.empty(), PoolEventKind.SERVER_GONE, "", "", null))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
    }

    @Test
    void anEventShouldTakeItsPositionAndKeepEverythingElse() {
        NewPoolEvent written = event("fe1", "alice", "<presence/>");

        PoolEvent positioned = written.at(42);

        assertThat(positioned).isEqualTo(new PoolEvent(42, "fe1", written.room(), PoolEventKind.BROADCAST, "alice",
                "<presence/>", AT));
        assertThatThrownBy(() -> written.at(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("position must be 1 or more, got 0");
    }

    @Test
    void aPositionedEventShouldFollowTheSameRules() {
        assertThatThrownBy(() -> new PoolEvent(1, "", Optional.empty(), PoolEventKind.SERVER_GONE, "", "", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("origin must not be blank");
    }
}
