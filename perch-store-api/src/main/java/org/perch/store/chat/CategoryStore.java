package org.perch.store.chat;

import java.util.List;
import java.util.Optional;
import org.perch.core.CategoryId;

/** Durable categories. Names are unique without regard to case. Safe to call from several threads at once. */
public interface CategoryStore {

    /** Adds the category; returns false, changing nothing, if its id or name is taken. */
    boolean create(Category category);

    Optional<Category> find(CategoryId id);

    /** The category with this name, compared without regard to case. */
    Optional<Category> findByName(String name);

    /** Every category, sorted by name. */
    List<Category> list();

    /** Replaces the category with the same id; false, changing nothing, if there is none or the name is taken. */
    boolean update(Category category);

    /** Removes the category; false if there is none or it still has rooms. */
    boolean delete(CategoryId id);
}
