package org.perch.xmpp.muc;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.perch.core.RoomId;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;

/**
 * The rooms with live state on this server, found by address (stanzas name rooms by address) and by id (the pool
 * feed does, since an address is free again once its room is deleted). A room becomes live when it is first
 * addressed, or, in a pool, when someone joins it on another server; and stays live until it is deleted. Changes
 * made to rooms, categories and policies reach the live rooms through here, whether made on this server or read
 * from the pool feed.
 */
final class LiveRooms {
    private final MucContext ctx;
    private final Map<String, LiveRoom> byAddress = new ConcurrentHashMap<>();
    private final Map<RoomId, LiveRoom> byId = new ConcurrentHashMap<>();

    LiveRooms(MucContext ctx) {
        this.ctx = ctx;
    }

    /** The room's live state, loading the room from the store the first time it is addressed. */
    Optional<LiveRoom> byAddress(String address) {
        LiveRoom live = byAddress.get(address);
        if (live != null) {
            return Optional.of(live);
        }
        return ctx.chat().roomByAddress(address).map(this::register);
    }

    /** The room's live state if it has any here; a room without has no occupant on this server. */
    Optional<LiveRoom> live(RoomId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The room's live state, loading the room from the store if it has none yet. */
    Optional<LiveRoom> load(RoomId id) {
        return live(id).or(() -> ctx.chat().room(id).map(this::register));
    }

    /** A room this server has just created. */
    LiveRoom created(Room room, Category category) {
        return byAddress.computeIfAbsent(room.address(), a -> {
            LiveRoom live = new LiveRoom(ctx, room, category);
            byId.put(room.id(), live);
            return live;
        });
    }

    Collection<LiveRoom> all() {
        return byId.values();
    }

    /** The room changed (wherever the change was made): its occupants here get their new standing, or leave. */
    void roomChanged(Room after) {
        live(after.id()).ifPresent(live -> live.submitAlways(() -> live.changed(after)));
    }

    /** The room is gone: its occupants here are told, and its live state goes. */
    void roomDeleted(RoomId id) {
        LiveRoom live = byId.remove(id);
        if (live != null) {
            byAddress.remove(live.room.address(), live);
            live.submitAlways(() -> live.ejectAll("the room has been deleted"));
        }
    }

    void categoryChanged(Category after) {
        for (LiveRoom live : all()) {
            live.submitAlways(() -> live.categoryChanged(after));
        }
    }

    void policiesChanged() {
        for (LiveRoom live : all()) {
            live.submitAlways(live::policiesChanged);
        }
    }

    private LiveRoom register(Room room) {
        return byAddress.computeIfAbsent(room.address(), a -> {
            LiveRoom live = new LiveRoom(ctx, room, categoryOf(room));
            byId.put(room.id(), live);
            return live;
        });
    }

    private Category categoryOf(Room room) {
        return ctx.chat().category(room.category()).orElseThrow(() -> new IllegalStateException(
                "room " + room.id() + " names a missing category"));
    }
}
