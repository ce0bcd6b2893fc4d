package org.perch.store.memory;

import org.perch.store.tck.HistoryStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryHistoryStoreTest implements HistoryStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
