package org.perch.store.memory;

import org.perch.store.AccountStore;
import org.perch.store.RosterStore;
import org.perch.store.Store;

/** A store held in maps: thread-safe, fast, and forgotten on close. Use it in tests and for trying things out. */
public final class InMemoryStore implements Store {

    private final InMemoryRosterStore rosters = new InMemoryRosterStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore(rosters);

    /** An empty store. */
    public InMemoryStore() {
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public RosterStore rosters() {
        return rosters;
    }

    /** Nothing to release: the maps go with the last reference to this store. */
    @Override
    public void close() {
    }
}
