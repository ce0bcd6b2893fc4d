package org.perch.domain.chat;

/**
 * Hears about every change {@link ChatRooms} has stored, in the order stored, on the thread that made it. The
 * XMPP layer uses it to disconnect occupants who lost access and to refresh what it caches; it must not block.
 */
@FunctionalInterface
public interface RoomEvents {

    /** A listener that ignores everything. */
    RoomEvents NONE = event -> { };

    void on(RoomEvent event);
}
