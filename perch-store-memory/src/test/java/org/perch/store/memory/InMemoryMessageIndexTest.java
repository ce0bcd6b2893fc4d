package org.perch.store.memory;

import org.perch.store.tck.MessageIndexContract;
import org.perch.store.tck.MessageIndexFixture;

class InMemoryMessageIndexTest implements MessageIndexContract {

    // Not durable: reopening gives an empty index, so the restart test is skipped here.
    private final MessageIndexFixture fixture = MessageIndexFixture.of(InMemoryMessageIndex::new);

    @Override
    public MessageIndexFixture indexFixture() {
        return fixture;
    }
}
