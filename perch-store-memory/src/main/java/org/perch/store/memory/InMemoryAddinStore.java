package org.perch.store.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.perch.store.chat.Addin;
import org.perch.store.chat.AddinStore;

/** Add-ins in maps guarded by this store's monitor, so a name is checked and taken in one step. */
final class InMemoryAddinStore implements AddinStore {

    private static final Comparator<Addin> BY_NAME = NameKey.byName(Addin::name);

    private final Map<UUID, Addin> byId = new HashMap<>();
    private final Map<String, UUID> byName = new HashMap<>();

    @Override
    public synchronized boolean create(Addin addin) {
        String key = NameKey.of(addin.name());
        if (byId.containsKey(addin.id()) || byName.containsKey(key)) {
            return false;
        }
        byId.put(addin.id(), addin);
        byName.put(key, addin.id());
        return true;
    }

    @Override
    public synchronized Optional<Addin> findByName(String name) {
        return Optional.ofNullable(byName.get(NameKey.of(name))).map(byId::get);
    }

    @Override
    public synchronized List<Addin> list() {
        return byId.values().stream().sorted(BY_NAME).toList();
    }

    @Override
    public synchronized boolean update(Addin addin) {
        Addin old = byId.get(addin.id());
        UUID holder = byName.get(NameKey.of(addin.name()));
        if (old == null || (holder != null && !holder.equals(addin.id()))) {
            return false;
        }
        byName.remove(NameKey.of(old.name()));
        byName.put(NameKey.of(addin.name()), addin.id());
        byId.put(addin.id(), addin);
        return true;
    }

    @Override
    public synchronized boolean delete(UUID id) {
        Addin old = byId.remove(id);
        if (old == null) {
            return false;
        }
        byName.remove(NameKey.of(old.name()));
        return true;
    }
}
