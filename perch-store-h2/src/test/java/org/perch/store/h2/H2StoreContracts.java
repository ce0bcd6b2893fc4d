package org.perch.store.h2;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.tck.StoreCapability;
import org.perch.store.tck.StoreFixture;

/** Binds a store contract to H2: a store in a fresh directory per test, durable and transactional. */
abstract class H2StoreContracts {

    @TempDir
    Path dataDir;
    private StoreFixture fixture;

    public StoreFixture fixture() {
        if (fixture == null) {
            fixture = StoreFixture.of(() -> H2Store.open(dataDir), StoreCapability.DURABLE,
                    StoreCapability.TRANSACTIONAL);
        }
        return fixture;
    }
}
