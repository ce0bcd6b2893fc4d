package org.perch.domain.chat;

import java.time.Clock;
import java.util.Objects;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.Room;

/**
 * Removing a message's content from history and search, leaving a tombstone in its place: by its author
 * (XEP-0424) while they may still join the room, or by its managers and administrators (XEP-0425).
 * Lync let only administrators remove messages; Perch also lets authors take back their own words and managers
 * keep their rooms clean, and records who did it.
 */
public final class RoomModeration {
    private final ChatRooms rooms;
    private final HistoryStore history;
    private final Clock clock;
    private final RoomEvents events;

    public RoomModeration(ChatRooms rooms, HistoryStore history, Clock clock, RoomEvents events) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Retracts the message with this stanza-id. {@code asModerator} says which right the requester invokes: a
     * moderation needs a manager or an administrator, a retraction the message's author. Returns the tombstone.
     */
    public ChatMessage retract(Jid requester, Room room, String stanzaId, boolean asModerator, String reason) {
        Jid user = requester.toBare();
        RoomAccess access = rooms.access(user, room);
        if (!access.canSee()) {
            throw new ChatException(Reason.NOT_FOUND, ChatRooms.NO_SUCH_ROOM);
        }
        ChatMessage message = history.find(room.id(), stanzaId).orElseThrow(() -> new ChatException(
                Reason.NOT_FOUND, "no message with that id in this room"));
        if (asModerator && !access.canConfigure()) {
            throw new ChatException(Reason.FORBIDDEN, "only the room's managers moderate messages");
        }
        if (!asModerator && (!message.sender().equals(user) || !access.canJoin())) {
            throw new ChatException(Reason.FORBIDDEN, "only its author retracts a message");
        }
        if (message.retracted()) {
            return message;
        }
        Retraction retraction = new Retraction(clock.instant(), user, asModerator, reason);
        history.retract(room.id(), stanzaId, retraction);
        ChatMessage tombstone = message.retractedBy(retraction);
        events.on(new RoomEvent.MessageRetracted(room, tombstone));
        return tombstone;
    }
}
