package org.perch.store.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;

/**
 * Durable rooms. Addresses and names are each unique without regard to case; a room's category must exist.
 * Safe to call from several threads at once.
 */
public interface RoomStore {

    /** Adds the room; false, changing nothing, if its id, address or name is taken or its category is missing. */
    boolean create(Room room);

    Optional<Room> find(RoomId id);

    /** The room at this address (the local part of its JID). */
    Optional<Room> findByAddress(String address);

    /** The room with this name, compared without regard to case. */
    Optional<Room> findByName(String name);

    /** The rooms of one category, sorted by name. */
    List<Room> inCategory(CategoryId category);

    /** Every room, sorted by name. */
    List<Room> list();

    /**
     * Every room's name by its id: for a check that compares names its own way (look-alikes), without reading whole
     * rooms.
     */
    Map<RoomId, String> names();

    /**
     * Replaces the room with the same id (its address never changes); false, changing nothing, if there is
     * none, the new name is taken, or the new category is missing.
     */
    boolean update(Room room);

    /** Removes the room and its whole history; false if there was none. */
    boolean delete(RoomId id);
}
