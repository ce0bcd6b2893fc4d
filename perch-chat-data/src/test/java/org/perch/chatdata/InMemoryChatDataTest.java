package org.perch.chatdata;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.memory.InMemoryStore;

class InMemoryChatDataTest implements ChatDataRoundTripContract {

    @TempDir
    Path files;

    @Override
    public Store newStore() {
        return new InMemoryStore();
    }

    @Override
    public Path files() {
        return files;
    }
}
