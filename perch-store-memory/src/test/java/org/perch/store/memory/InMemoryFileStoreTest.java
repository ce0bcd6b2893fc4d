package org.perch.store.memory;

import org.perch.store.tck.FileStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryFileStoreTest implements FileStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
