package org.perch.store.memory;

import org.perch.store.tck.StoreFixture;
import org.perch.store.tck.TopicFeedStoreContract;

class InMemoryTopicFeedStoreTest implements TopicFeedStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
