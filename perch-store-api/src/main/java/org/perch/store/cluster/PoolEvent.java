package org.perch.store.cluster;

import java.time.Instant;
import java.util.Optional;
import org.perch.core.RoomId;

/**
 * One event of the {@link PoolFeed}: a {@link NewPoolEvent} with its place in the feed.
 *
 * @param position its place: 1 or more, growing in the order appends commit
 * @param origin   the server that wrote it
 * @param room     the room it is about, if any
 * @param kind     what happened
 * @param subject  a short text the kind gives a meaning to
 * @param payload  the event's content, opaque to the store
 * @param at       when it was written
 */
public record PoolEvent(long position, String origin, Optional<RoomId> room, PoolEventKind kind, String subject,
                        String payload, Instant at) {

    public PoolEvent {
        if (position < 1) {
            throw new IllegalArgumentException("position must be 1 or more, got " + position);
        }
        // The same rules as for what a writer hands in.
        new NewPoolEvent(origin, room, kind, subject, payload, at);
    }
}
