package org.perch.search.lucene;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.tck.MessageIndexContract;
import org.perch.store.tck.MessageIndexFixture;
import org.perch.store.tck.StoreCapability;

class LuceneMessageIndexTest implements MessageIndexContract {

    @TempDir
    Path dataDir;

    // The opener reads dataDir when first called, after JUnit has filled it in; a restart reopens the same dir.
    private final MessageIndexFixture fixture = MessageIndexFixture.of(
            () -> LuceneMessageIndex.open(dataDir.resolve("search")), StoreCapability.DURABLE);

    @Override
    public MessageIndexFixture indexFixture() {
        return fixture;
    }
}
