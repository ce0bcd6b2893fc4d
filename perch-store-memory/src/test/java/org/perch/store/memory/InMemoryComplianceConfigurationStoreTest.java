package org.perch.store.memory;

import org.perch.store.tck.ComplianceConfigurationStoreContract;
import org.perch.store.tck.StoreFixture;

class InMemoryComplianceConfigurationStoreTest implements ComplianceConfigurationStoreContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
