package org.perch.store.memory;

import org.perch.store.tck.RosterStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryRosterStoreTest implements RosterStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
