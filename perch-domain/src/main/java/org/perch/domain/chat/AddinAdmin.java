package org.perch.domain.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.Store;
import org.perch.store.chat.Addin;
import org.perch.store.chat.Room;

/**
 * The add-in half of {@link ChatRooms}; called with its change lock held. Administrators only. Rooms name the
 * add-in they show, so a rename follows into them, and a removal either waits for no room to name it or, forced
 * (Lync's {@code -Force}), takes it out of them.
 */
final class AddinAdmin {

    private final ChatRooms rooms;
    private final Store store;

    AddinAdmin(ChatRooms rooms, Store store) {
        this.rooms = rooms;
        this.store = store;
    }

    Addin create(Jid requester, Addin addin) {
        requireAdmin(requester);
        if (!store.addins().create(addin)) {
            throw new ChatException(Reason.CONFLICT, "an add-in named '" + addin.name() + "' exists already");
        }
        return addin;
    }

    Addin update(Jid requester, String name, UnaryOperator<Addin> change) {
        requireAdmin(requester);
        Addin before = find(name);
        Addin after = ChatRooms.valid(() -> change.apply(before));
        if (!after.id().equals(before.id())) {
            throw new ChatException(Reason.INVALID, "an add-in's id never changes");
        }
        if (!store.addins().update(after)) {
            throw new ChatException(Reason.CONFLICT, "an add-in named '" + after.name() + "' exists already");
        }
        if (!after.name().equals(before.name())) {
            for (Room room : showing(before)) {
                rooms.replace(room, room.withSettings(room.settings().withAddin(Optional.of(after.name()))));
            }
        }
        return after;
    }

    void delete(Jid requester, String name, boolean force) {
        requireAdmin(requester);
        Addin addin = find(name);
        List<Room> showing = showing(addin);
        if (!showing.isEmpty() && !force) {
            throw new ChatException(Reason.CONFLICT, showing.size() + " room(s) show add-in '" + addin.name()
                    + "', such as '" + showing.getFirst().name() + "'; change them, or force the removal");
        }
        for (Room room : showing) {
            rooms.replace(room, room.withSettings(room.settings().withAddin(Optional.empty())));
        }
        store.addins().delete(addin.id());
    }

    /** The registered add-in a room may name, by name in any case; INVALID if there is none. */
    Addin registered(String name) {
        return store.addins().findByName(name).orElseThrow(() -> new ChatException(Reason.INVALID,
                "no add-in named '" + name + "' is registered"));
    }

    private Addin find(String name) {
        return store.addins().findByName(name).orElseThrow(() -> new ChatException(Reason.NOT_FOUND,
                "no add-in named '" + name + "'"));
    }

    private List<Room> showing(Addin addin) {
        return store.rooms().list().stream()
                .filter(r -> r.settings().addin().map(a -> a.equalsIgnoreCase(addin.name())).orElse(false))
                .toList();
    }

    private void requireAdmin(Jid requester) {
        rooms.requireAdmin(requester, "manage add-ins");
    }
}
