package org.perch.store.tck;

/**
 * An optional property a backend may have. Contract tests that need one are skipped with {@code assumeTrue} on
 * backends that lack it; each backend's README lists what it lacks.
 */
public enum StoreCapability {
    /** Data written before {@code close()} is seen again by a store re-opened over the same data. */
    DURABLE,
    /** A {@code Store.atomically} block that throws leaves none of its changes behind, not only no outbox events. */
    TRANSACTIONAL
}
