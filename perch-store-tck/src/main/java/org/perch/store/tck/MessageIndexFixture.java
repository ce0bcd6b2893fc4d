package org.perch.store.tck;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.perch.store.chat.MessageIndex;

/**
 * What a {@link MessageIndexContract} binding hands to the suite: a way to open an index over one test's data,
 * and the backend's capabilities. Like {@link StoreFixture}, but the index is not part of a
 * {@link org.perch.store.Store}, so it has its own. One fixture serves one test method; the contract closes it
 * after each test. Thread-safe.
 */
public final class MessageIndexFixture implements AutoCloseable {

    private final Supplier<MessageIndex> opener;
    private final Set<StoreCapability> capabilities;
    private MessageIndex current;

    private MessageIndexFixture(Supplier<MessageIndex> opener, Set<StoreCapability> capabilities) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.capabilities = Set.copyOf(capabilities);
    }

    /**
     * A fixture whose {@code opener} opens an index over the same data on every call; the data is empty on the
     * first call. The opener is not called before the first {@link #index()}, so it may read fields that the
     * test framework fills in later (a {@code @TempDir}).
     */
    public static MessageIndexFixture of(Supplier<MessageIndex> opener, StoreCapability... capabilities) {
        Set<StoreCapability> set = EnumSet.noneOf(StoreCapability.class);
        set.addAll(Set.of(capabilities));
        return new MessageIndexFixture(opener, set);
    }

    /** The open index, opening it on first use. */
    public synchronized MessageIndex index() {
        if (current == null) {
            current = opener.get();
        }
        return current;
    }

    /** Closes the current index and opens the same data again, as a server restart would. */
    public synchronized MessageIndex reopen() {
        close();
        return index();
    }

    public boolean has(StoreCapability capability) {
        return capabilities.contains(capability);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            MessageIndex closing = current;
            current = null;
            closing.close();
        }
    }
}
