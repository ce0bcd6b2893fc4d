package org.perch.domain.feeds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.Room;
import org.perch.store.feeds.TopicFilter;

/**
 * What a filter may hold. The bounds keep one user's filters cheap to match against every message: a few dozen
 * filters of a few dozen terms each is what a person reads, and matching costs one lookup per word of a message
 * whatever their number.
 */
public final class FilterRules {
    public static final int MAX_FILTERS = 25;
    public static final int MAX_TERMS = 20;
    public static final int MAX_SENDERS = 50;
    public static final int MAX_ROOMS = 50;
    public static final int MAX_LENGTH = 100;

    private final ChatRooms rooms;

    public FilterRules(ChatRooms rooms) {
        this.rooms = rooms;
    }

    /**
     * The filter the draft describes, owned by {@code owner}; refused with {@link Reason#INVALID} and a message
     * naming what is wrong, or {@link Reason#NOT_FOUND} for a room the owner cannot see (as if it did not exist).
     */
    public TopicFilter check(Jid owner, FilterDraft draft) {
        String name = draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw invalid("a filter needs a name of 1 to " + MAX_LENGTH + " characters");
        }
        List<String> keywords = terms("keywords", draft.keywords(), MAX_TERMS, k -> {
            if (Words.of(k).size() != 1) {
                throw invalid("the keyword '" + k + "' is not one word; make it a phrase");
            }
            return k;
        });
        List<String> phrases = terms("phrases", draft.phrases(), MAX_TERMS, p -> {
            if (Words.of(p).isEmpty()) {
                throw invalid("the phrase '" + p + "' has no word in it");
            }
            return p;
        });
        List<Jid> senders = new ArrayList<>(new LinkedHashSet<>(draft.senders().stream().map(Jid::toBare).toList()));
        if (senders.size() > MAX_SENDERS) {
            throw invalid("a filter follows at most " + MAX_SENDERS + " senders");
        }
        List<RoomId> roomIds = terms("rooms", draft.rooms(), MAX_ROOMS, address -> address).stream()
                .map(address -> visibleRoom(owner, address).id()).distinct().toList();
        if (keywords.isEmpty() && phrases.isEmpty() && senders.isEmpty() && roomIds.isEmpty()) {
            throw invalid("a filter needs a keyword, a phrase, a sender or a room");
        }
        String id = draft.id().orElseGet(() -> UUID.randomUUID().toString());
        return new TopicFilter(id, owner, name, keywords, phrases, senders, roomIds, draft.alert());
    }

    private Room visibleRoom(Jid owner, String address) {
        return rooms.roomByAddress(address).filter(room -> rooms.access(owner, room).canSearch())
                .orElseThrow(() -> new ChatException(Reason.NOT_FOUND, "no such room: " + address));
    }

    /** The terms, stripped, without blanks or repeats, each checked by {@code check}. */
    private static List<String> terms(String what, List<String> given, int max, Function<String, String> check) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String term : given) {
            String t = term.strip();
            if (t.length() > MAX_LENGTH) {
                throw invalid("each of a filter's " + what + " is at most " + MAX_LENGTH + " characters");
            }
            if (!t.isEmpty()) {
                kept.add(check.apply(t));
            }
        }
        if (kept.size() > max) {
            throw invalid("a filter has at most " + max + " " + what);
        }
        return List.copyOf(kept);
    }

    private static ChatException invalid(String message) {
        return new ChatException(Reason.INVALID, message);
    }
}
