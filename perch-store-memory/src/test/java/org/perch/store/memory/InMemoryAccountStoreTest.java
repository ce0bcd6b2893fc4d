package org.perch.store.memory;

import org.perch.store.tck.AccountStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryAccountStoreTest implements AccountStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
