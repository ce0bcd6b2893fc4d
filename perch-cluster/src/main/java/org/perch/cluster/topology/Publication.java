package org.perch.cluster.topology;

import java.util.Objects;
import org.perch.store.cluster.PublishedTopology;

/**
 * The topology as one pool's store now holds it.
 *
 * @param pool the pool's name
 * @param store the name of its chat store
 */
public record Publication(String pool, String store, PublishedTopology published) {

    public Publication {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(published, "published");
    }
}
