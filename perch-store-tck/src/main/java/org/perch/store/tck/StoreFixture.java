package org.perch.store.tck;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.perch.store.Store;

/**
 * What a contract binding hands to the suite: a way to open a store over one test's data, and the backend's
 * capabilities. One fixture serves one test method; the contract closes it after each test. Thread-safe, so
 * concurrent tests may share it.
 */
public final class StoreFixture implements AutoCloseable {

    private final Supplier<Store> opener;
    private final Set<StoreCapability> capabilities;
    private Store current;

    private StoreFixture(Supplier<Store> opener, Set<StoreCapability> capabilities) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.capabilities = Set.copyOf(capabilities);
    }

    /**
     * A fixture whose {@code opener} opens a store over the same data on every call; the data is empty on the
     * first call.
     */
    public static StoreFixture of(Supplier<Store> opener, StoreCapability... capabilities) {
        Set<StoreCapability> set = EnumSet.noneOf(StoreCapability.class);
        set.addAll(Set.of(capabilities));
        return new StoreFixture(opener, set);
    }

    /** The open store, opening it on first use. */
    public synchronized Store store() {
        if (current == null) {
            current = opener.get();
        }
        return current;
    }

    /** Closes the current store and opens the same data again, as a server restart would. */
    public synchronized Store reopen() {
        close();
        return store();
    }

    public boolean has(StoreCapability capability) {
        return capabilities.contains(capability);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            Store closing = current;
            current = null;
            closing.close();
        }
    }
}
