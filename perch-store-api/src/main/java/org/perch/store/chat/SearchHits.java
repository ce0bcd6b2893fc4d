package org.perch.store.chat;

import java.util.List;
import org.perch.core.RoomId;

/**
 * The messages a {@link SearchQuery} matched, by id (oldest first), and whether the page reaches the end of the
 * matches in the direction of paging. Each hit names its room and ids; the message itself is in the history.
 */
public record SearchHits(List<Hit> hits, boolean complete) {
    public SearchHits {
        hits = List.copyOf(hits);
    }

    public record Hit(RoomId room, long id, String stanzaId) {
    }
}
