package org.perch.store.memory;

import org.perch.store.tck.RoomStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryRoomStoreTest implements RoomStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
