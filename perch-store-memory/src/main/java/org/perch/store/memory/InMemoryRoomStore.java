package org.perch.store.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomStore;

/**
 * Rooms in maps guarded by this store's monitor, so id, address and name are checked and taken in one step.
 * It tells the category store which categories are in use and the history store which rooms exist; neither
 * calls back, so locks are always taken rooms first.
 */
final class InMemoryRoomStore implements RoomStore {

    private static final Comparator<Room> BY_NAME = NameKey.byName(Room::name);

    private final Map<RoomId, Room> byId = new HashMap<>();
    private final Map<String, RoomId> byAddress = new HashMap<>();
    private final Map<String, RoomId> byName = new HashMap<>();
    private final InMemoryCategoryStore categories;
    private final InMemoryHistoryStore history;

    InMemoryRoomStore(InMemoryCategoryStore categories, InMemoryHistoryStore history) {
        this.categories = categories;
        this.history = history;
    }

    @Override
    public synchronized boolean create(Room room) {
        String key = NameKey.of(room.name());
        if (byId.containsKey(room.id()) || byAddress.containsKey(room.address()) || byName.containsKey(key)
                || !categories.attachRoom(room.category())) {
            return false;
        }
        byId.put(room.id(), room);
        byAddress.put(room.address(), room.id());
        byName.put(key, room.id());
        history.openRoom(room.id());
        return true;
    }

    @Override
    public synchronized Optional<Room> find(RoomId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Room> findByAddress(String address) {
        return Optional.ofNullable(byAddress.get(address)).map(byId::get);
    }

    @Override
    public synchronized Optional<Room> findByName(String name) {
        return Optional.ofNullable(byName.get(NameKey.of(name))).map(byId::get);
    }

    @Override
    public synchronized List<Room> inCategory(CategoryId category) {
        return byId.values().stream().filter(r -> r.category().equals(category)).sorted(BY_NAME).toList();
    }

    @Override
    public synchronized List<Room> list() {
        return byId.values().stream().sorted(BY_NAME).toList();
    }

    @Override
    public synchronized Map<RoomId, String> names() {
        return byId.values().stream().collect(Collectors.toUnmodifiableMap(Room::id, Room::name));
    }

    @Override
    public synchronized boolean update(Room room) {
        Room old = byId.get(room.id());
        String key = NameKey.of(room.name());
        RoomId holder = byName.get(key);
        if (old == null || (holder != null && !holder.equals(room.id()))) {
            return false;
        }
        if (!room.category().equals(old.category())) {
            if (!categories.attachRoom(room.category())) {
                return false;
            }
            categories.detachRoom(old.category());
        }
        Room kept = new Room(room.id(), old.address(), room.category(), room.name(), room.description(),
                room.settings(), room.roles(), room.subject());
        byName.remove(NameKey.of(old.name()));
        byName.put(key, room.id());
        byId.put(room.id(), kept);
        return true;
    }

    @Override
    public synchronized boolean delete(RoomId id) {
        Room old = byId.remove(id);
        if (old == null) {
            return false;
        }
        byAddress.remove(old.address());
        byName.remove(NameKey.of(old.name()));
        categories.detachRoom(old.category());
        history.closeRoom(id);
        return true;
    }
}
