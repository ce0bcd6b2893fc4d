package org.perch.store.tck;

import static org.perch.store.tck.ChatData.ALICE;
import static org.perch.store.tck.ChatData.BOB;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/**
 * Messages and queries for the {@link MessageIndexContract}. An index needs no store: its messages are made here
 * with the ids a history store would have given them.
 */
final class SearchData {

    static final RoomId LOBBY = RoomId.of("00000000-0000-0000-0000-00000000000a");
    static final RoomId HALL = RoomId.of("00000000-0000-0000-0000-00000000000b");
    /** A room that never gets a message. */
    static final RoomId GARDEN = RoomId.of("00000000-0000-0000-0000-00000000000c");

    private SearchData() {
    }

    /** Message {@code id}: stanza-id {@code msg-<id>}, posted at {@code ChatData.at(id)}, by Alice if id is even. */
    static ChatMessage message(RoomId room, long id, String body) {
        return message(room, id, "msg-" + id, body);
    }

    static ChatMessage message(RoomId room, long id, String stanzaId, String body) {
        Jid sender = id % 2 == 0 ? ALICE : BOB;
        return new ChatMessage(id, room, stanzaId, ChatData.at((int) id), sender, sender.local(), body,
                "<message><body>" + body + "</body></message>", Optional.empty());
    }

    /** A retracted message that still carries its body, so only the retraction can keep it out of the index. */
    static ChatMessage retracted(RoomId room, long id, String body) {
        ChatMessage m = message(room, id, body);
        return new ChatMessage(id, room, m.stanzaId(), m.timestamp(), m.sender(), m.nick(), body, m.payload(),
                Optional.of(new Retraction(m.timestamp().plusSeconds(60), m.sender(), false, "")));
    }

    /** Messages with ids {@code from} to {@code to} (inclusive), each with the same body. */
    static List<ChatMessage> messages(RoomId room, long from, long to, String body) {
        List<ChatMessage> list = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            list.add(message(room, id, body));
        }
        return list;
    }

    static SearchHits.Hit hit(ChatMessage m) {
        return new SearchHits.Hit(m.room(), m.id(), m.stanzaId());
    }

    static List<SearchHits.Hit> hits(List<ChatMessage> messages) {
        return messages.stream().map(SearchData::hit).toList();
    }

    static List<SearchHits.Hit> hits(ChatMessage... messages) {
        return hits(List.of(messages));
    }

    static List<Long> ids(SearchHits hits) {
        return hits.hits().stream().map(SearchHits.Hit::id).toList();
    }

    /** A {@link SearchQuery} built a part at a time: the earliest 100 matches unless told otherwise. */
    static final class Search {
        private final Set<RoomId> rooms;
        private final String text;
        private Optional<Instant> start = Optional.empty();
        private Optional<Instant> end = Optional.empty();
        private Optional<Jid> with = Optional.empty();
        private OptionalLong afterId = OptionalLong.empty();
        private OptionalLong beforeId = OptionalLong.empty();
        private int max = 100;
        private boolean fromEnd;

        private Search(Set<RoomId> rooms, String text) {
            this.rooms = rooms;
            this.text = text;
        }

        static Search of(String text, RoomId... rooms) {
            return new Search(Set.of(rooms), text);
        }

        Search start(Instant s) {
            start = Optional.of(s);
            return this;
        }

        Search end(Instant e) {
            end = Optional.of(e);
            return this;
        }

        Search with(Jid sender) {
            with = Optional.of(sender);
            return this;
        }

        Search after(long id) {
            afterId = OptionalLong.of(id);
            return this;
        }

        Search before(long id) {
            beforeId = OptionalLong.of(id);
            return this;
        }

        Search max(int n) {
            max = n;
            return this;
        }

        Search fromEnd() {
            fromEnd = true;
            return this;
        }

        SearchQuery query() {
            return new SearchQuery(rooms, text, start, end, with, afterId, beforeId, max, fromEnd);
        }
    }
}
