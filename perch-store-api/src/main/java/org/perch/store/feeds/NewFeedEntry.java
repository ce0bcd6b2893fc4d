package org.perch.store.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * A match to add to an owner's feed: the message (its room, stanza-id, history id and time) and the ids of the
 * owner's filters it matched.
 */
public record NewFeedEntry(Jid owner, RoomId room, String stanzaId, long messageId, Instant at,
                           List<String> filters) {
    public NewFeedEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(at, "at");
        filters = List.copyOf(filters);
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("a feed entry names at least one filter");
        }
    }
}
