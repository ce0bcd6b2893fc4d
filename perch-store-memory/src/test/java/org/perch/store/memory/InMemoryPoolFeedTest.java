package org.perch.store.memory;

import org.perch.store.tck.PoolFeedContract;
import org.perch.store.tck.StoreFixture;

class InMemoryPoolFeedTest implements PoolFeedContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
