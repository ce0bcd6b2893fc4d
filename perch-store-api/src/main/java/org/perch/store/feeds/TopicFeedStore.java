package org.perch.store.feeds;

import java.util.List;
import java.util.OptionalLong;
import org.perch.core.Jid;

/**
 * Each account's topic-feed filters and the feed of messages they matched. Deleting an account deletes both. Every
 * method is safe to call from several threads at once; each change is atomic.
 */
public interface TopicFeedStore {

    /** The owner's filters, in the order they were first saved. */
    List<TopicFilter> filters(Jid owner);

    /** Every account's filters: what a server's matcher starts from. */
    List<TopicFilter> allFilters();

    /** Stores the filter, replacing the owner's filter with the same id and keeping that one's place in the order. */
    void saveFilter(TopicFilter filter);

    /** Removes the filter, leaving the entries it matched in the feed; false if the owner has no such filter. */
    boolean deleteFilter(Jid owner, String id);

    /**
     * Adds the entries, skipping any whose owner already has an entry for the same message (room and stanza-id; a
     * message has one history id, whichever server matched it, and a store may look duplicates up by it), and
     * drops each owner's oldest entries beyond {@code keepPerOwner}. Then records that {@code server} has matched
     * every message up to history id {@code matchedThrough}, all in one transaction.
     *
     * @return the entries added, with their ids, in the order given
     */
    List<FeedEntry> append(List<NewFeedEntry> entries, int keepPerOwner, String server, long matchedThrough);

    /** The owner's newest {@code max} entries with an id below {@code before} (all, if absent), newest first. */
    List<FeedEntry> entries(Jid owner, OptionalLong before, int max);

    /** The history id up to which {@code server} has matched messages; empty if it never has. */
    OptionalLong matchedThrough(String server);
}
