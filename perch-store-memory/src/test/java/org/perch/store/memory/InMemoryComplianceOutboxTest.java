package org.perch.store.memory;

import org.perch.store.tck.ComplianceOutboxContract;
import org.perch.store.tck.StoreFixture;

class InMemoryComplianceOutboxTest implements ComplianceOutboxContract {

    private final StoreFixture fixture = StoreFixture.of(InMemoryStore::new);

    @Override
    public StoreFixture fixture() {
        return fixture;
    }
}
