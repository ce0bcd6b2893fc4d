package org.perch.store.memory;

import org.perch.store.tck.PolicyStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryPolicyStoreTest implements PolicyStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
