package org.perch.store.cluster;

import java.time.Instant;
import java.util.Optional;
import org.perch.store.StoreException;

/**
 * The topology published to this store (Lync's Publish Topology, spec §11.2): every version is kept, the highest
 * is current. Versions guard against two administrators publishing at once: each publication names the version
 * it replaces, and a store that holds another one refuses it rather than overwrite someone else's.
 */
public interface TopologyStore {

    /** The current (highest) version; empty until a topology is published. */
    Optional<PublishedTopology> current();

    /**
     * Stores {@code document} as the version after {@code expectedVersion}, published at {@code at}.
     *
     * @param expectedVersion the version the caller replaces: the current one, or 0 when none is published yet
     * @return what was stored, with version {@code expectedVersion + 1}
     * @throws StoreException if the current version is not {@code expectedVersion} (someone else published
     *     meanwhile; nothing is stored), or the store fails
     * @throws IllegalArgumentException if {@code expectedVersion} is negative or the document empty or too long
     */
    PublishedTopology publish(String document, Instant at, long expectedVersion);

    /** The refusal both backends give when {@code current} is not the version the publisher expected. */
    static StoreException refused(long current, long expectedVersion) {
        String why = current > expectedVersion
                ? "someone else published version " + current + " meanwhile (expected version " + expectedVersion
                        + " to be current); read it and publish again"
                : "the current version is " + (current == 0 ? "0 (none published yet)" : current) + ", not "
                        + expectedVersion;
        return new StoreException("could not publish the topology: " + why);
    }
}
