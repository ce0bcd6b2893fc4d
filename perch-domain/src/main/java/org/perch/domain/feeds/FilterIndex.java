package org.perch.domain.feeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.feeds.TopicFilter;

/**
 * Every user's filters, indexed so that a message is checked only against filters it could match: a filter with
 * words is found through the first word of each of its terms, one with senders and no words through the sender, and
 * one with only rooms through the room. Matching a message costs one lookup per distinct word in it, however many
 * filters there are. Thread-safe; a user's filters are replaced all at once.
 */
public final class FilterIndex {

    /**
     * A filter with its terms split into words; a keyword is a one-word term. A class, not a record: the index's sets
     * hold it by identity, where a record would hash every term of the filter on each lookup.
     */
    private static final class Compiled {
        final TopicFilter filter;
        final List<List<String>> terms;
        final Set<Jid> senders;
        final Set<RoomId> rooms;

        Compiled(TopicFilter filter) {
            List<List<String>> split = new ArrayList<>();
            filter.keywords().forEach(k -> split.add(Words.of(k)));
            filter.phrases().forEach(p -> split.add(Words.of(p)));
            split.removeIf(List::isEmpty);
            this.filter = filter;
            this.terms = List.copyOf(split);
            this.senders = Set.copyOf(filter.senders());
            this.rooms = Set.copyOf(filter.rooms());
        }

        boolean matches(ChatMessage message, List<String> words, Set<String> distinct) {
            return !message.sender().equals(filter.owner())
                    && (rooms.isEmpty() || rooms.contains(message.room()))
                    && (senders.isEmpty() || senders.contains(message.sender()))
                    && (terms.isEmpty() || terms.stream().anyMatch(term -> term.size() == 1
                            ? distinct.contains(term.getFirst()) : Collections.indexOfSubList(words, term) >= 0));
        }
    }

    private final Map<Jid, List<Compiled>> byOwner = new HashMap<>();
    private final Map<String, Set<Compiled>> byFirstWord = new HashMap<>();
    private final Map<Jid, Set<Compiled>> bySender = new HashMap<>();
    private final Map<RoomId, Set<Compiled>> byRoom = new HashMap<>();

    /** Makes {@code filters} the owner's only filters (none, if empty). */
    public synchronized void replace(Jid owner, List<TopicFilter> filters) {
        for (Compiled old : byOwner.getOrDefault(owner, List.of())) {
            index(old, false);
        }
        List<Compiled> compiled = filters.stream().map(Compiled::new).toList();
        if (compiled.isEmpty()) {
            byOwner.remove(owner);
        } else {
            byOwner.put(owner, compiled);
        }
        for (Compiled c : compiled) {
            index(c, true);
        }
    }

    /** How many users have filters. */
    public synchronized int owners() {
        return byOwner.size();
    }

    /** Each user with a filter the message matches, with those filters in the user's order. */
    public synchronized Map<Jid, List<TopicFilter>> match(ChatMessage message) {
        if (byOwner.isEmpty() || message.retracted()) {
            return Map.of();
        }
        List<String> words = Words.of(message.body());
        Set<String> distinct = new HashSet<>(words);
        Set<Compiled> candidates = new HashSet<>();
        for (String word : distinct) {
            candidates.addAll(byFirstWord.getOrDefault(word, Set.of()));
        }
        candidates.addAll(bySender.getOrDefault(message.sender(), Set.of()));
        candidates.addAll(byRoom.getOrDefault(message.room(), Set.of()));
        Map<Jid, Set<Compiled>> matched = new LinkedHashMap<>();
        for (Compiled c : candidates) {
            if (c.matches(message, words, distinct)) {
                matched.computeIfAbsent(c.filter.owner(), o -> new HashSet<>()).add(c);
            }
        }
        Map<Jid, List<TopicFilter>> inOwnersOrder = new LinkedHashMap<>();
        matched.forEach((owner, found) -> inOwnersOrder.put(owner, byOwner.get(owner).stream()
                .filter(found::contains).map(c -> c.filter).toList()));
        return inOwnersOrder;
    }

    /** Files a filter under its terms' first words, else its senders, else its rooms; or takes it out. */
    private void index(Compiled c, boolean add) {
        if (!c.terms.isEmpty()) {
            c.terms.forEach(term -> update(byFirstWord, term.getFirst(), c, add));
        } else if (!c.senders.isEmpty()) {
            c.senders.forEach(sender -> update(bySender, sender, c, add));
        } else {
            c.rooms.forEach(room -> update(byRoom, room, c, add));
        }
    }

    private static <K> void update(Map<K, Set<Compiled>> map, K key, Compiled c, boolean add) {
        if (add) {
            map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c);
            return;
        }
        Set<Compiled> set = map.get(key);
        if (set != null && set.remove(c) && set.isEmpty()) {
            map.remove(key);
        }
    }
}
