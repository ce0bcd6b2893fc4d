package org.perch.store.feeds;

import java.util.List;
import java.util.Objects;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * One of an account's topic-feed filters, as stored. Its terms are kept as the owner wrote them; the domain
 * validates and normalises them before they are saved.
 *
 * @param id the filter's id among its owner's filters
 * @param owner the account's bare JID
 * @param name what the owner calls it
 * @param keywords words, each matched as a whole word
 * @param phrases runs of words, each matched as a run
 * @param senders bare JIDs of the posters it follows
 * @param rooms the rooms it is limited to; empty for every room the owner may read
 * @param alert whether a match also sends the owner a notification message, besides listing it in the feed
 */
public record TopicFilter(String id, Jid owner, String name, List<String> keywords, List<String> phrases,
                          List<Jid> senders, List<RoomId> rooms, boolean alert) {
    public TopicFilter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
        phrases = List.copyOf(phrases);
        senders = List.copyOf(senders);
        rooms = List.copyOf(rooms);
    }
}
