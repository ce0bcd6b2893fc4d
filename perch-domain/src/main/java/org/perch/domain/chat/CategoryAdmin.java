package org.perch.domain.chat;

import java.util.List;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.CategoryChanged;
import org.perch.domain.chat.RoomEvent.CategoryCreated;
import org.perch.domain.chat.RoomEvent.CategoryDeleted;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;

/** The category half of {@link ChatRooms}; called with its change lock held. Administrators only. */
final class CategoryAdmin {

    private final ChatRooms rooms;
    private final Store store;

    CategoryAdmin(ChatRooms rooms, Store store) {
        this.rooms = rooms;
        this.store = store;
    }

    Category create(Jid requester, Category category) {
        requireAdmin(requester);
        rooms.requireNameFree(category.name(), room -> false);
        if (!store.categories().create(category)) {
            throw new ChatException(Reason.CONFLICT, "category " + category.id() + " exists already");
        }
        rooms.emit(new CategoryCreated(category));
        return category;
    }

    Category update(Jid requester, Category category) {
        requireAdmin(requester);
        Category before = store.categories().find(category.id())
                .orElseThrow(() -> ChatRooms.categoryNotFound(category.id()));
        if (store.rooms().findByName(category.name()).isPresent()) {
            throw nameInUse(category.name());
        }
        if (!store.categories().update(category)) {
            throw nameInUse(category.name());
        }
        rooms.emit(new CategoryChanged(before, category));
        // Lync: whoever the new scope leaves out loses every role in the category's rooms, at once.
        var permitted = rooms.permittedIn(category);
        for (Room room : store.rooms().inCategory(category.id())) {
            rooms.replace(room, room.withRoles(RoomRules.purge(room.roles(), permitted)));
        }
        return category;
    }

    void delete(Jid requester, CategoryId id) {
        requireAdmin(requester);
        Category category = store.categories().find(id).orElseThrow(() -> ChatRooms.categoryNotFound(id));
        List<Room> inside = store.rooms().inCategory(id);
        if (!inside.isEmpty() || !store.categories().delete(id)) {
            throw new ChatException(Reason.CONFLICT, "category '" + category.name() + "' still has rooms; "
                    + "delete them or move them to another category first");
        }
        rooms.emit(new CategoryDeleted(category));
    }

    private void requireAdmin(Jid requester) {
        rooms.requireAdmin(requester, "manage categories");
    }

    private static ChatException nameInUse(String name) {
        return new ChatException(Reason.CONFLICT, "the name '" + name + "' is already in use");
    }
}
