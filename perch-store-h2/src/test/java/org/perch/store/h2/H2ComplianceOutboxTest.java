package org.perch.store.h2;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.tck.ComplianceOutboxContract;
import org.perch.store.tck.StoreCapability;
import org.perch.store.tck.StoreFixture;

class H2ComplianceOutboxTest implements ComplianceOutboxContract {

    @TempDir
    Path dataDir;
    private StoreFixture fixture;

    @Override
    public StoreFixture fixture() {
        if (fixture == null) {
            fixture = StoreFixture.of(() -> H2Store.open(dataDir), StoreCapability.DURABLE,
                    StoreCapability.TRANSACTIONAL);
        }
        return fixture;
    }
}
