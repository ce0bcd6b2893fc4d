package org.perch.store.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.perch.core.Jid;
import org.perch.store.feeds.FeedEntry;
import org.perch.store.feeds.NewFeedEntry;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.feeds.TopicFilter;

/** Topic feeds in maps, every method under the store's one lock. */
final class InMemoryTopicFeedStore implements TopicFeedStore {

    private final Map<Jid, LinkedHashMap<String, TopicFilter>> filters = new HashMap<>();
    private final Map<Jid, TreeMap<Long, FeedEntry>> feeds = new HashMap<>();
    private final Map<String, Long> matched = new HashMap<>();
    private long lastId;

    @Override
    public synchronized List<TopicFilter> filters(Jid owner) {
        return List.copyOf(filters.getOrDefault(owner, new LinkedHashMap<>()).values());
    }

    @Override
    public synchronized List<TopicFilter> allFilters() {
        return filters.values().stream().flatMap(f -> f.values().stream()).toList();
    }

    @Override
    public synchronized void saveFilter(TopicFilter filter) {
        filters.computeIfAbsent(filter.owner(), o -> new LinkedHashMap<>()).put(filter.id(), filter);
    }

    @Override
    public synchronized boolean deleteFilter(Jid owner, String id) {
        LinkedHashMap<String, TopicFilter> own = filters.get(owner);
        return own != null && own.remove(id) != null;
    }

    @Override
    public synchronized List<FeedEntry> append(List<NewFeedEntry> entries, int keepPerOwner, String server,
                                               long matchedThrough) {
        List<FeedEntry> added = new ArrayList<>();
        for (NewFeedEntry e : entries) {
            TreeMap<Long, FeedEntry> feed = feeds.computeIfAbsent(e.owner(), o -> new TreeMap<>());
            boolean present = feed.values().stream()
                    .anyMatch(f -> f.room().equals(e.room()) && f.stanzaId().equals(e.stanzaId()));
            if (!present) {
                FeedEntry entry = FeedEntry.of(++lastId, e);
                feed.put(entry.id(), entry);
                added.add(entry);
            }
            while (feed.size() > keepPerOwner) {
                feed.pollFirstEntry();
            }
        }
        matched.merge(server, matchedThrough, Math::max);
        return added;
    }

    @Override
    public synchronized List<FeedEntry> entries(Jid owner, OptionalLong before, int max) {
        TreeMap<Long, FeedEntry> feed = feeds.getOrDefault(owner, new TreeMap<>());
        return (before.isPresent() ? feed.headMap(before.getAsLong(), false) : feed).descendingMap().values()
                .stream().limit(max).toList();
    }

    @Override
    public synchronized OptionalLong matchedThrough(String server) {
        Long through = matched.get(server);
        return through == null ? OptionalLong.empty() : OptionalLong.of(through);
    }

    synchronized void removeOwner(Jid owner) {
        filters.remove(owner);
        feeds.remove(owner);
    }
}
