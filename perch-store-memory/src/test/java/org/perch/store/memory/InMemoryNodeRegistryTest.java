package org.perch.store.memory;

import org.perch.store.tck.StoreFixture;
import org.perch.store.tck.NodeRegistryContract;

class InMemoryNodeRegistryTest implements NodeRegistryContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
