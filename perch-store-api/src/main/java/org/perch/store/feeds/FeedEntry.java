package org.perch.store.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * A message in an owner's feed, with the store's id for it: ids grow with each append, so the newest entry has
 * the largest id and a client pages back from the smallest it has seen.
 */
public record FeedEntry(long id, Jid owner, RoomId room, String stanzaId, long messageId, Instant at,
                        List<String> filters) {
    public FeedEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(at, "at");
        filters = List.copyOf(filters);
    }

    public static FeedEntry of(long id, NewFeedEntry e) {
        return new FeedEntry(id, e.owner(), e.room(), e.stanzaId(), e.messageId(), e.at(), e.filters());
    }
}
