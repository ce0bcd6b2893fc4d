package org.perch.store.memory;

import org.perch.store.tck.PepStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryPepStoreTest implements PepStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
