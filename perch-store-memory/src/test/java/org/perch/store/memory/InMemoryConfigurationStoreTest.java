package org.perch.store.memory;

import org.perch.store.tck.ConfigurationStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryConfigurationStoreTest implements ConfigurationStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
