package org.perch.store.postgres;

import org.perch.store.tck.StoreCapability;
import org.perch.store.tck.StoreFixture;

/** Binds a store contract to PostgreSQL: a store over a new, empty database per test, durable and transactional. */
abstract class PostgresStoreContracts {

    private final PostgresSettings database = TestPostgres.freshDatabase();
    private final StoreFixture fixture = StoreFixture.of(() -> PostgresStore.open(database),
            StoreCapability.DURABLE, StoreCapability.TRANSACTIONAL);

    public StoreFixture fixture() {
        return fixture;
    }
}
