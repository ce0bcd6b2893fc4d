package org.perch.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.Room;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/**
 * Full-text search, restricted to what the asker may read (Lync: "all history accessible by search", for the
 * rooms one may join): in one room, or across every room the user may search (the Lync client's search box).
 * Disabled rooms are excluded, as Lync excludes them while disabled; retracted messages are never found.
 */
public final class RoomSearch {
    private final ChatRooms rooms;
    private final HistoryStore history;
    private final MessageIndex index;

    public RoomSearch(ChatRooms rooms, HistoryStore history, MessageIndex index) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.history = Objects.requireNonNull(history, "history");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** The messages found, oldest first, and whether the page reaches the end of the matches. */
    public record Found(List<ChatMessage> messages, boolean complete) {
        public Found {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Searches one room; the query's rooms are ignored. A room the user may not see is NOT_FOUND; a user whose
     * policy does not enable Persistent Chat is FORBIDDEN.
     */
    public Found inRoom(Jid user, Room room, SearchQuery query) {
        rooms.requirePersistentChat(user);
        RoomAccess access = rooms.access(user.toBare(), room);
        if (!access.canSee()) {
            throw new ChatException(Reason.NOT_FOUND, ChatRooms.NO_SUCH_ROOM);
        }
        if (!access.canSearch()) {
            throw new ChatException(Reason.FORBIDDEN, "only those who may join a room search it");
        }
        return run(with(query, Set.of(room.id())));
    }

    /** Searches every room the user may search (FORBIDDEN without the policy); the query's rooms are ignored. */
    public Found everywhere(Jid user, SearchQuery query) {
        rooms.requirePersistentChat(user);
        Set<RoomId> permitted = rooms.searchableRooms(user.toBare()).stream().map(Room::id)
                .collect(Collectors.toSet());
        return run(with(query, permitted));
    }

    /** A message id for paging, from a stanza-id in the room; empty if the room has no such message. */
    public Optional<Long> idOf(Room room, String stanzaId) {
        return history.find(room.id(), stanzaId).map(ChatMessage::id);
    }

    private Found run(SearchQuery query) {
        if (query.rooms().isEmpty()) {
            return new Found(List.of(), true);
        }
        SearchHits hits = index.search(query);
        // The index may briefly hold a message retracted a moment ago: history has the final word.
        List<ChatMessage> found = hits.hits().stream().map(h -> history.find(h.room(), h.stanzaId()))
                .flatMap(Optional::stream).filter(m -> !m.retracted()).toList();
        return new Found(found, hits.complete());
    }

    private static SearchQuery with(SearchQuery q, Set<RoomId> rooms) {
        return new SearchQuery(rooms, q.text(), q.start(), q.end(), q.with(), q.afterId(), q.beforeId(), q.max(),
                q.fromEnd());
    }
}
