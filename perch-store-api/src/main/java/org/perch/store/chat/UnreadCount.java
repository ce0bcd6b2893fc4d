package org.perch.store.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HistoryStore#countAfter} found: {@code count} messages after the marker, {@code capped} when there are
 * more than were counted, and the stanza-id of the room's newest message (empty if the room has none).
 */
public record UnreadCount(int count, boolean capped, Optional<String> newest) {
    public UnreadCount {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count);
        }
        Objects.requireNonNull(newest, "newest");
    }
}
