package org.perch.store.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.CategoryId;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryStore;

/**
 * Categories in maps guarded by this store's monitor, so a name is checked and taken in one step. It also
 * counts each category's rooms, as {@link InMemoryRoomStore} reports them: delete can then refuse a category in
 * use without calling back into the room store, which calls this one (one lock order, no deadlock).
 */
final class InMemoryCategoryStore implements CategoryStore {

    private static final Comparator<Category> BY_NAME = NameKey.byName(Category::name);

    private final Map<CategoryId, Category> byId = new HashMap<>();
    private final Map<String, CategoryId> byName = new HashMap<>();
    private final Map<CategoryId, Integer> roomCounts = new HashMap<>();

    @Override
    public synchronized boolean create(Category category) {
        String key = NameKey.of(category.name());
        if (byId.containsKey(category.id()) || byName.containsKey(key)) {
            return false;
        }
        byId.put(category.id(), category);
        byName.put(key, category.id());
        return true;
    }

    @Override
    public synchronized Optional<Category> find(CategoryId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Category> findByName(String name) {
        return Optional.ofNullable(byName.get(NameKey.of(name))).map(byId::get);
    }

    @Override
    public synchronized List<Category> list() {
        return byId.values().stream().sorted(BY_NAME).toList();
    }

    @Override
    public synchronized boolean update(Category category) {
        Category old = byId.get(category.id());
        String key = NameKey.of(category.name());
        CategoryId holder = byName.get(key);
        if (old == null || (holder != null && !holder.equals(category.id()))) {
            return false;
        }
        byName.remove(NameKey.of(old.name()));
        byName.put(key, category.id());
        byId.put(category.id(), category);
        return true;
    }

    @Override
    public synchronized boolean delete(CategoryId id) {
        Category old = byId.get(id);
        if (old == null || roomCounts.containsKey(id)) {
            return false;
        }
        byId.remove(id);
        byName.remove(NameKey.of(old.name()));
        return true;
    }

    /** Counts one more room in the category; false, counting nothing, if there is no such category. */
    synchronized boolean attachRoom(CategoryId id) {
        if (!byId.containsKey(id)) {
            return false;
        }
        roomCounts.merge(id, 1, Integer::sum);
        return true;
    }

    /** Counts one room fewer; a category whose count reaches zero may be deleted again. */
    synchronized void detachRoom(CategoryId id) {
        roomCounts.computeIfPresent(id, (c, n) -> n == 1 ? null : n - 1);
    }
}
