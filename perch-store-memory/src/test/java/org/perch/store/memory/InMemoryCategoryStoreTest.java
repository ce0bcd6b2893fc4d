package org.perch.store.memory;

import org.perch.store.tck.CategoryStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryCategoryStoreTest implements CategoryStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
