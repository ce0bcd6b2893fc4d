package org.perch.store.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * A full-text search over the messages of some rooms: every word of {@code text} must occur in the body (words
 * as the index splits them, without regard to case). The optional filters bound the time ({@code start},
 * {@code end}, inclusive) and the poster ({@code with}, a bare JID). {@code afterId} and {@code beforeId} are
 * message ids ({@link ChatMessage#id()}), exclusive; hits come by id, the earliest {@code max} of them, or the
 * latest when {@code fromEnd} is set. Which rooms a user may search is the caller's business.
 */
public record SearchQuery(Set<RoomId> rooms, String text, Optional<Instant> start, Optional<Instant> end,
                          Optional<Jid> with, OptionalLong afterId, OptionalLong beforeId, int max, boolean fromEnd) {
    public SearchQuery {
        rooms = Set.copyOf(rooms);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        with = Objects.requireNonNull(with, "with").map(Jid::toBare);
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(beforeId, "beforeId");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
    }

    /** The latest {@code max} matches in these rooms. */
    public static SearchQuery latest(Set<RoomId> rooms, String text, int max) {
        return new SearchQuery(rooms, text, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), max, true);
    }
}
