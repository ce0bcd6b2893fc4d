package org.perch.store.memory;

import org.perch.store.tck.AddinStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryAddinStoreTest implements AddinStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
