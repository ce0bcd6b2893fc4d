package org.perch.xmpp.muc;

import java.util.Objects;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.HistoryWriter;
import org.perch.domain.chat.RoomEventBus;
import org.perch.store.chat.HistoryStore;

/**
 * The domain side of persistent chat that the MUC service runs on: the rooms, the writer that makes messages
 * durable before they are delivered, the history to replay, and the bus on which room changes arrive.
 */
public record ChatServices(ChatRooms rooms, HistoryWriter writer, HistoryStore history, RoomEventBus events) {
    public ChatServices {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(events, "events");
    }
}
