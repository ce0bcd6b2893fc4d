package org.perch.store.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.RoomId;

/**
 * Durable room history. Messages are ordered by the id the store assigns on {@link #append}; a message is
 * durable once {@code append} returns. Safe to call from several threads at once.
 */
public interface HistoryStore {

    /**
     * Stores the messages in one transaction, all or none, assigning increasing ids in list order (later calls
     * get larger ids). Throws {@link org.perch.store.StoreException} if a room is missing or a stanza-id is
     * already used in its room.
     */
    List<ChatMessage> append(List<PostedMessage> messages);

    /** One page of history; empty if {@code after} or {@code before} names a stanza-id not in the room. */
    Optional<HistoryPage> query(HistoryQuery query);

    Optional<ChatMessage> find(RoomId room, String stanzaId);

    /**
     * Up to {@code max} messages of every room with ids above {@code afterId}, in id order: how the full-text
     * index catches up with history after a restart.
     */
    List<ChatMessage> since(long afterId, int max);

    /** The id of the newest message stored in any room, 0 if none is: where a new reader of {@link #since} starts. */
    long lastId();

    /**
     * How far the room's history goes past a reader's marker: how many messages with ids above the one with stanza-id
     * {@code afterStanzaId} (above none if empty) are not tombstones, counting at most {@code max} of them, and the
     * newest message's stanza-id. Reads only the room's newest messages, along its key. Empty if {@code afterStanzaId}
     * names no message of the room.
     */
    Optional<UnreadCount> countAfter(RoomId room, Optional<String> afterStanzaId, int max);

    /** Turns the message into a tombstone (body and payload erased); false if the room has no such message. */
    boolean retract(RoomId room, String stanzaId, Retraction retraction);

    /**
     * Deletes, in one transaction, every message of the room stamped at or before {@code onOrBefore}
     * (Clear-CsPersistentChatRoom), tombstones included, and returns their stanza-ids; nothing is left of them.
     */
    List<String> purge(RoomId room, Instant onOrBefore);

    /**
     * Deletes, in one transaction, the room's messages with these stanza-ids (Remove-CsPersistentChatMessage
     * -Remove), tombstones included; ids the room does not hold are ignored. Returns how many were deleted.
     */
    int delete(RoomId room, List<String> stanzaIds);

    /**
     * How much history each room holds: the UTF-8 bytes of its messages' bodies and payloads (a tombstone holds
     * none), for every room with at least one message (Get-CsPersistentChatRoom -ChatContentExceedsMB). Reads the
     * whole history: an administrator's query, not one for every request.
     */
    Map<RoomId, Long> contentSizes();
}
