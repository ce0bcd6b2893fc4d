package org.perch.chatdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.h2.H2Store;

/** The round trip on the embedded store, each store in its own data directory, as a wiped server would have. */
class H2ChatDataTest implements ChatDataRoundTripContract {

    @TempDir
    Path tmp;
    private final List<Store> opened = new ArrayList<>();

    @Override
    public Store newStore() {
        Store store = H2Store.open(tmp.resolve("data-" + opened.size()));
        opened.add(store);
        return store;
    }

    @Override
    public Path files() {
        Path files = tmp.resolve("files");
        try {
            return Files.createDirectories(files);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
    }
}
