package org.perch.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.core.RoomId;
import org.perch.store.StoreException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.UnreadCount;

/**
 * Each room's messages in id order, guarded by this store's monitor. One counter numbers the messages of every
 * room, so ids grow in list order and from call to call, as in the JDBC store. Which rooms exist is told by
 * {@link InMemoryRoomStore}.
 */
final class InMemoryHistoryStore implements HistoryStore {

    private final Map<RoomId, RoomHistory> rooms = new HashMap<>();
    private long lastId;

    @Override
    public synchronized List<ChatMessage> append(List<PostedMessage> messages) {
        // Every check before the first write: that is what makes a batch all or nothing.
        Set<List<Object>> inBatch = new HashSet<>();
        for (PostedMessage m : messages) {
            RoomHistory room = rooms.get(m.room());
            if (room == null) {
                throw new StoreException("could not append to room " + m.room() + ": there is no such room");
            }
            if (room.positions.containsKey(m.stanzaId()) || !inBatch.add(List.of(m.room(), m.stanzaId()))) {
                throw new StoreException("could not append to room " + m.room() + ": stanza-id " + m.stanzaId()
                        + " is already used there");
            }
        }
        List<ChatMessage> stored = new ArrayList<>(messages.size());
        for (PostedMessage m : messages) {
            ChatMessage message = ChatMessage.stored(++lastId, m);
            rooms.get(m.room()).add(message);
            stored.add(message);
        }
        return stored;
    }

    @Override
    public synchronized Optional<HistoryPage> query(HistoryQuery query) {
        RoomHistory room = rooms.getOrDefault(query.room(), new RoomHistory());
        Optional<Long> lowest = bound(room, query.after(), Long.MIN_VALUE);
        Optional<Long> highest = bound(room, query.before(), Long.MAX_VALUE);
        if (lowest.isEmpty() || highest.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = Set.copyOf(query.ids());
        List<ChatMessage> selected = room.messages.stream()
                .filter(m -> m.id() > lowest.get() && m.id() < highest.get() && matches(query, ids, m)).toList();
        int n = selected.size();
        if (n <= query.max()) {
            return Optional.of(new HistoryPage(selected, true));
        }
        return Optional.of(new HistoryPage(query.fromEnd() ? selected.subList(n - query.max(), n)
                : selected.subList(0, query.max()), false));
    }

    @Override
    public synchronized Optional<ChatMessage> find(RoomId room, String stanzaId) {
        return Optional.ofNullable(rooms.get(room)).flatMap(r -> r.find(stanzaId));
    }

    @Override
    public synchronized Optional<UnreadCount> countAfter(RoomId room, Optional<String> afterStanzaId, int max) {
        RoomHistory history = rooms.getOrDefault(room, new RoomHistory());
        Optional<Long> lowest = bound(history, afterStanzaId, Long.MIN_VALUE);
        if (lowest.isEmpty()) {
            return Optional.empty();
        }
        long after = history.messages.stream().filter(m -> m.id() > lowest.get() && !m.retracted()).count();
        Optional<String> newest = history.messages.isEmpty() ? Optional.empty()
                : Optional.of(history.messages.getLast().stanzaId());
        return Optional.of(new UnreadCount((int) Math.min(after, max), after > max, newest));
    }

    @Override
    public synchronized List<ChatMessage> since(long afterId, int max) {
        return rooms.values().stream().flatMap(r -> r.messages.stream()).filter(m -> m.id() > afterId)
                .sorted(java.util.Comparator.comparingLong(ChatMessage::id)).limit(max).toList();
    }

    @Override
    public synchronized long lastId() {
        return lastId;
    }

    @Override
    public synchronized boolean retract(RoomId room, String stanzaId, Retraction retraction) {
        RoomHistory history = rooms.get(room);
        Integer position = history == null ? null : history.positions.get(stanzaId);
        if (position == null) {
            return false;
        }
        history.messages.set(position, history.messages.get(position).retractedBy(retraction));
        return true;
    }

    @Override
    public synchronized List<String> purge(RoomId room, Instant onOrBefore) {
        RoomHistory history = rooms.get(room);
        if (history == null) {
            return List.of();
        }
        List<String> purged = new ArrayList<>();
        RoomHistory kept = new RoomHistory();
        for (ChatMessage m : history.messages) {
            if (m.timestamp().isAfter(onOrBefore)) {
                kept.add(m);
            } else {
                purged.add(m.stanzaId());
            }
        }
        rooms.put(room, kept);
        return purged;
    }

    @Override
    public synchronized int delete(RoomId room, List<String> stanzaIds) {
        RoomHistory history = rooms.get(room);
        if (history == null) {
            return 0;
        }
        Set<String> doomed = Set.copyOf(stanzaIds);
        RoomHistory kept = new RoomHistory();
        history.messages.stream().filter(m -> !doomed.contains(m.stanzaId())).forEach(kept::add);
        rooms.put(room, kept);
        return history.messages.size() - kept.messages.size();
    }

    @Override
    public synchronized Map<RoomId, Long> contentSizes() {
        Map<RoomId, Long> sizes = new HashMap<>();
        rooms.forEach((room, history) -> {
            if (!history.messages.isEmpty()) {
                sizes.put(room, history.messages.stream().mapToLong(m -> utf8Length(m.body()) + utf8Length(m.payload()))
                        .sum());
            }
        });
        return sizes;
    }

    private static long utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Starts an empty history for a new room. */
    synchronized void openRoom(RoomId room) {
        rooms.put(room, new RoomHistory());
    }

    /** Forgets a deleted room's history. */
    synchronized void closeRoom(RoomId room) {
        rooms.remove(room);
    }

    /** The anchor's id; {@code unbounded} without an anchor; empty if the room has no such message. */
    private static Optional<Long> bound(RoomHistory room, Optional<String> anchor, long unbounded) {
        return anchor.isEmpty() ? Optional.of(unbounded) : room.find(anchor.get()).map(ChatMessage::id);
    }

    private static boolean matches(HistoryQuery query, Set<String> ids, ChatMessage m) {
        return query.start().map(s -> !m.timestamp().isBefore(s)).orElse(true)
                && query.end().map(e -> !m.timestamp().isAfter(e)).orElse(true)
                && query.with().map(w -> w.equals(m.sender())).orElse(true)
                && (ids.isEmpty() || ids.contains(m.stanzaId()));
    }

    /** Messages in id order, and where each stanza-id sits; a retraction replaces a message in place. */
    private static final class RoomHistory {
        final List<ChatMessage> messages = new ArrayList<>();
        final Map<String, Integer> positions = new HashMap<>();

        void add(ChatMessage message) {
            positions.put(message.stanzaId(), messages.size());
            messages.add(message);
        }

        Optional<ChatMessage> find(String stanzaId) {
            return Optional.ofNullable(positions.get(stanzaId)).map(messages::get);
        }
    }
}
