package org.perch.store.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * One page of a room's history (the store side of MAM and RSM). The filters ({@code start}, {@code end}
 * inclusive, {@code with} = sender, {@code ids}) select messages; {@code after} and {@code before} (stanza ids)
 * bound them exclusively; the page holds at most {@code max} of them, the earliest ones, or the latest ones when
 * {@code fromEnd} is set. Messages always come oldest first.
 */
public record HistoryQuery(RoomId room, Optional<Instant> start, Optional<Instant> end, Optional<Jid> with,
                           List<String> ids, Optional<String> after, Optional<String> before, int max,
                           boolean fromEnd) {
    public HistoryQuery {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        with = Objects.requireNonNull(with, "with").map(Jid::toBare);
        ids = List.copyOf(ids);
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(before, "before");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
    }

    /** The latest {@code max} messages of the room. */
    public static HistoryQuery latest(RoomId room, int max) {
        return new HistoryQuery(room, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), max, true);
    }

    /** The first {@code max} messages of the room. */
    public static HistoryQuery earliest(RoomId room, int max) {
        return new HistoryQuery(room, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), max, false);
    }

    public HistoryQuery withStart(Instant s) {
        return new HistoryQuery(room, Optional.of(s), end, with, ids, after, before, max, fromEnd);
    }

    public HistoryQuery withEnd(Instant e) {
        return new HistoryQuery(room, start, Optional.of(e), with, ids, after, before, max, fromEnd);
    }

    public HistoryQuery withSender(Jid sender) {
        return new HistoryQuery(room, start, end, Optional.of(sender), ids, after, before, max, fromEnd);
    }

    public HistoryQuery withIds(List<String> stanzaIds) {
        return new HistoryQuery(room, start, end, with, stanzaIds, after, before, max, fromEnd);
    }

    public HistoryQuery after(String stanzaId) {
        return new HistoryQuery(room, start, end, with, ids, Optional.of(stanzaId), before, max, fromEnd);
    }

    public HistoryQuery before(String stanzaId) {
        return new HistoryQuery(room, start, end, with, ids, after, Optional.of(stanzaId), max, fromEnd);
    }
}
