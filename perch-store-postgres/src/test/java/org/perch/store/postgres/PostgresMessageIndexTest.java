package org.perch.store.postgres;

import org.perch.store.tck.MessageIndexContract;
import org.perch.store.tck.MessageIndexFixture;
import org.perch.store.tck.StoreCapability;

class PostgresMessageIndexTest implements MessageIndexContract {

    private final PostgresSettings database = TestPostgres.freshDatabase();
    private final MessageIndexFixture fixture = MessageIndexFixture.of(() -> PostgresStore.openMessageIndex(database),
            StoreCapability.DURABLE);

    @Override
    public MessageIndexFixture indexFixture() {
        return fixture;
    }
}
