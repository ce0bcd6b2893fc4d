package org.perch.web;

import org.perch.store.chat.Room;

/**
 * A room as the feeds section names it: its address (what a filter is given), its XMPP address and its name.
 */
record FeedRoomView(String address, String jid, String name) {

    static FeedRoomView of(Room room, String mucDomain) {
        return new FeedRoomView(room.address(), room.address() + "@" + mucDomain, room.name());
    }
}
