package org.perch.domain.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.perch.core.Jid;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.Room;

/**
 * Remove-CsPersistentChatMessage: the administrator takes chosen messages out of a room, replacing each with a
 * tombstone that carries a text (the default, or {@code -ReplaceMessage}) or, with {@code -Remove}, deleting them
 * outright. Either way they leave search, and occupants are told as of a XEP-0425 moderation.
 */
final class MessageRemoval {

    /** Lync's text in place of a removed message when the administrator gives none. */
    static final String DEFAULT_REPLACEMENT = "This message was replaced by the Persistent Chat administrator.";
    static final int MAX_REPLACEMENT = 1024;
    private static final int PAGE = 500;

    private final HistoryStore history;
    private final Clock clock;

    MessageRemoval(HistoryStore history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /**
     * Takes the selected messages out of the room: tombstones holding the replacement (Lync's text when empty), or,
     * with {@code delete}, deleted; {@code emit} is told if any was. Returns how many were removed.
     */
    int remove(Jid requester, Room room, MessageSelection selection, boolean delete, Optional<String> replacement,
               Consumer<RoomEvent> emit) {
        if (delete && replacement.isPresent()) {
            throw new ChatException(ChatException.Reason.INVALID, "a message is either removed or replaced, not both");
        }
        Optional<String> text = delete ? Optional.empty()
                : Optional.of(ChatRooms.valid(() -> replacement(replacement)));
        List<ChatMessage> chosen = select(room, selection, delete);
        List<String> ids = chosen.stream().map(ChatMessage::stanzaId).toList();
        int removed = text.isPresent() ? replace(requester, room, chosen, text.get()).size()
                : history.delete(room.id(), ids);
        if (removed > 0) {
            emit.accept(new RoomEvent.MessagesRemoved(room, ids, text));
        }
        return removed;
    }

    /** The messages selected, oldest first; tombstones only when they are to be deleted. */
    List<ChatMessage> select(Room room, MessageSelection selection, boolean includeTombstones) {
        HistoryQuery query = HistoryQuery.earliest(room.id(), PAGE);
        query = selection.start().map(query::withStart).orElse(query);
        query = selection.end().map(query::withEnd).orElse(query);
        query = selection.user().map(query::withSender).orElse(query);
        List<ChatMessage> chosen = new ArrayList<>();
        while (true) {
            HistoryPage page = history.query(query).orElseThrow();
            for (ChatMessage m : page.messages()) {
                if ((includeTombstones || !m.retracted()) && selection.textMatches(m)) {
                    chosen.add(m);
                }
            }
            if (page.complete() || page.messages().isEmpty()) {
                return chosen;
            }
            query = query.after(page.messages().getLast().stanzaId());
        }
    }

    /** Replaces each message with a tombstone holding the text; returns the tombstones. */
    List<ChatMessage> replace(Jid requester, Room room, List<ChatMessage> messages, String text) {
        Retraction retraction = new Retraction(clock.instant(), requester, true, text);
        List<ChatMessage> tombstones = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (history.retract(room.id(), m.stanzaId(), retraction)) {
                tombstones.add(m.retractedBy(retraction));
            }
        }
        return tombstones;
    }

    static String replacement(Optional<String> text) {
        String t = text.orElse(DEFAULT_REPLACEMENT).strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the replacement text must not be blank; leave it out for Lync's"
                    + " default");
        }
        if (t.length() > MAX_REPLACEMENT) {
            throw new IllegalArgumentException("the replacement text is " + t.length() + " characters; at most "
                    + MAX_REPLACEMENT);
        }
        return t;
    }
}
