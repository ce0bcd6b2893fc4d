package org.perch.store.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.RoomId;

/**
 * A room event as its server hands it to {@link PoolFeed#append}: everything but its place in the feed.
 *
 * @param origin  the server that writes it (its name in the topology)
 * @param room    the room it is about; empty for events about no one room ({@link PoolEventKind#SERVER_GONE})
 * @param kind    what happened
 * @param subject a short text the kind gives a meaning to (a nickname, a server name); may be empty
 * @param payload the event's content, opaque to the store (a stanza); may be empty
 * @param at      when it was written; {@link PoolFeed#pruneBefore} goes by it
 */
public record NewPoolEvent(String origin, Optional<RoomId> room, PoolEventKind kind, String subject, String payload,
                           Instant at) {

    /** The longest origin: a server name, as {@link PoolNode#server()} is kept. */
    public static final int MAX_ORIGIN_LENGTH = 63;
    public static final int MAX_SUBJECT_LENGTH = 1023;
    /** The longest payload, in characters: far more than the largest stanza a server accepts (256 KiB by default). */
    public static final int MAX_PAYLOAD_LENGTH = 1_000_000;

    public NewPoolEvent {
        requireText("origin", origin, MAX_ORIGIN_LENGTH);
        if (origin.isBlank()) {
            throw new IllegalArgumentException("origin must not be blank");
        }
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        requireText("subject", subject, MAX_SUBJECT_LENGTH);
        requireText("payload", payload, MAX_PAYLOAD_LENGTH);
        Objects.requireNonNull(at, "at");
    }

    /** This event at {@code position} in the feed. */
    public PoolEvent at(long position) {
        return new PoolEvent(position, origin, room, kind, subject, payload, at);
    }

    /** A NUL is refused here because PostgreSQL cannot keep one, so every store refuses it alike. */
    private static void requireText(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters; at most " + maxLength);
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains a NUL character (U+0000)");
        }
    }
}
