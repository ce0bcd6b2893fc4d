package org.perch.domain.chat;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.RoomCreated;
import org.perch.domain.chat.RoomEvent.RoomDeleted;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;

/** The room half of {@link ChatRooms}; called with its change lock held, with bare JIDs. */
final class RoomAdmin {

    private final ChatRooms rooms;
    private final Store store;

    RoomAdmin(ChatRooms rooms, Store store) {
        this.rooms = rooms;
        this.store = store;
    }

    Room create(Jid me, CategoryId categoryId, String address, String name, UnaryOperator<Room> configure) {
        Category category = store.categories().find(categoryId)
                .orElseThrow(() -> ChatRooms.categoryNotFound(categoryId));
        if (!new Scope(category).hasCreator(me) && !rooms.isAdmin(me)) {
            throw new ChatException(Reason.FORBIDDEN, "only creators of category '" + category.name()
                    + "' and administrators may create rooms in it");
        }
        // A user who creates a room manages it (XEP-0045 §10.1); the operator, who is no user, names its managers
        // afterwards, as New-CsPersistentChatRoom leaves them to -Managers.
        Set<Principal> creator = me.hasLocal() ? Set.of(Principal.user(me)) : Set.of();
        Room base = ChatRooms.valid(() -> Room.create(RoomAddress.normalise(address), categoryId, name)
                .withRoles(new RoomRoles(creator, creator, Set.of())));
        Room proposed = ChatRooms.valid(() -> configure.apply(base));
        if (!proposed.id().equals(base.id()) || !proposed.address().equals(base.address())
                || !proposed.category().equals(base.category())) {
            throw new ChatException(Reason.INVALID, "a new room's id, address and category are those it is created"
                    + " with");
        }
        Room checked = RoomRules.check(base, rooms.withRegisteredAddin(base, proposed), category,
                rooms.permittedIn(category));
        Room room = ChatRooms.valid(() -> checked.withName(RoomNames.displayForm(checked.name())));
        rooms.requireNameFree(room.name(), r -> false);
        requireUnlikeOtherRooms(room);
        if (store.rooms().findByAddress(room.address()).isPresent() || !store.rooms().create(room)) {
            throw new ChatException(Reason.CONFLICT, "the address '" + room.address() + "' is already in use");
        }
        rooms.emit(new RoomCreated(room));
        return room;
    }

    Room update(Jid me, RoomId id, UnaryOperator<Room> change) {
        RoomAccess access = configurable(me, id);
        Room before = access.room();
        Room proposed = ChatRooms.valid(() -> change.apply(before));
        if (!proposed.id().equals(before.id()) || !proposed.address().equals(before.address())) {
            throw new ChatException(Reason.INVALID, "a room's id and address never change");
        }
        Category category = before.category().equals(proposed.category())
                ? access.category() : moveTarget(me, proposed.category());
        Room checked = RoomRules.check(before, rooms.withRegisteredAddin(before, proposed), category,
                rooms.permittedIn(category));
        Room after = checked.name().equals(before.name()) ? checked
                : ChatRooms.valid(() -> checked.withName(RoomNames.displayForm(checked.name())));
        if (!after.name().equals(before.name())) {
            rooms.requireNameFree(after.name(), r -> r.id().equals(after.id()));
            requireUnlikeOtherRooms(after);
        }
        return rooms.replace(before, after);
    }

    Room setDisabled(Jid me, RoomId id, boolean disabled) {
        Room before = configurable(me, id).room();
        return rooms.replace(before, before.withSettings(before.settings().withDisabled(disabled)));
    }

    void delete(Jid me, RoomId id) {
        RoomAccess access = findable(me, id);
        if (!access.canDelete()) {
            throw new ChatException(Reason.FORBIDDEN, "only administrators may delete rooms; managers may "
                    + "disable them");
        }
        if (!store.rooms().delete(id)) {
            throw ChatRooms.roomNotFound(id);
        }
        rooms.emit(new RoomDeleted(access.room()));
    }

    /**
     * Changes in this process run one at a time (the change lock), so two look-alike names given here at once cannot
     * both pass. The servers of a pool share the store but not that lock: two of them given look-alike names at the
     * same moment may both keep theirs. That is left so, as a rare race an administrator mends with a rename; closing
     * it would mean a stored look-alike key with a unique constraint, and a skeleton changes with the confusables
     * data of each Unicode release, so every stored key would need computing again on an ICU upgrade. Exact and
     * case duplicates stay impossible everywhere: the store's unique name key refuses them.
     */
    private void requireUnlikeOtherRooms(Room room) {
        RoomNames.requireUnlikeOthers(room.id(), room.name(), store.rooms().names());
    }

    private RoomAccess findable(Jid me, RoomId id) {
        RoomAccess access = store.rooms().find(id).map(r -> rooms.access(me, r))
                .orElseThrow(() -> ChatRooms.roomNotFound(id));
        if (!access.canFind()) {
            throw ChatRooms.roomNotFound(id); // the very refusal a missing room gets: a Secret room must not show
        }
        return access;
    }

    private RoomAccess configurable(Jid me, RoomId id) {
        RoomAccess access = findable(me, id);
        if (!access.canConfigure()) {
            throw new ChatException(Reason.FORBIDDEN, "only managers of room '" + access.room().name()
                    + "' and administrators may change it");
        }
        return access;
    }

    /** Lync: a manager may move a room only into a category where they are a Creator (spec §5). */
    private Category moveTarget(Jid me, CategoryId target) {
        Category category = store.categories().find(target).orElseThrow(() -> ChatRooms.categoryNotFound(target));
        if (!new Scope(category).hasCreator(me) && !rooms.isAdmin(me)) {
            throw new ChatException(Reason.FORBIDDEN, "only creators of category '" + category.name()
                    + "' and administrators may move rooms into it");
        }
        return category;
    }
}
