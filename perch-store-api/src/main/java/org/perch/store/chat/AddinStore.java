package org.perch.store.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registered add-ins. Names are unique without regard to case. Safe to call from several threads at once. */
public interface AddinStore {

    /** Adds the add-in; returns false, changing nothing, if its id or name is taken. */
    boolean create(Addin addin);

    /** The add-in with this name, compared without regard to case. */
    Optional<Addin> findByName(String name);

    /** Every add-in, sorted by name. */
    List<Addin> list();

    /** Replaces the add-in with the same id; false, changing nothing, if there is none or the name is taken. */
    boolean update(Addin addin);

    /** Removes the add-in; false if there is none. Rooms that name it are the caller's business. */
    boolean delete(UUID id);
}
