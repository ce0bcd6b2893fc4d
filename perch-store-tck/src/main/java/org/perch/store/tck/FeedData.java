package org.perch.store.tck;

import java.time.Instant;
import java.util.Optional;
import org.perch.core.RoomId;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEventKind;

/** Pool feed events for the feed contracts. */
final class FeedData {

    /** Nanoseconds included: the feed keeps an event's instant exactly. */
    static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");
    static final RoomId LOBBY = RoomId.of("6f1c2a4e-0b7d-4c55-9a3e-2d8f1b6c7e90");

    private FeedData() {
    }

    /** Event {@code n} of server {@code origin}: a message broadcast in the lobby, {@code n} seconds after AT. */
    static NewPoolEvent event(String origin, int n) {
        return written(origin, n, AT.plusSeconds(n));
    }

    /** Like {@link #event} but written at {@code at}. */
    static NewPoolEvent written(String origin, int n, Instant at) {
        return new NewPoolEvent(origin, Optional.of(LOBBY), PoolEventKind.BROADCAST, "alice",
                "<message type='groupchat' id='" + origin + "-" + n + "'><body>" + n + "</body></message>", at);
    }
}
