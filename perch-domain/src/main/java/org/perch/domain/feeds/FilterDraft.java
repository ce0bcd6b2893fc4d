package org.perch.domain.feeds;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;

/**
 * A filter as a user writes it, before {@link FilterRules} checks it: rooms are named by their addresses (the local
 * part of the room's JID), and an absent id asks for a new filter.
 */
public record FilterDraft(Optional<String> id, String name, List<String> keywords, List<String> phrases,
                          List<Jid> senders, List<String> rooms, boolean alert) {
    public FilterDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
        phrases = List.copyOf(phrases);
        senders = List.copyOf(senders);
        rooms = List.copyOf(rooms);
    }
}
