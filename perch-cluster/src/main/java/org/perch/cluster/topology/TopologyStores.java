package org.perch.cluster.topology;

import org.perch.store.Store;

/** How publishing reaches a pool's store: each program that publishes opens the kinds of store it can. */
@FunctionalInterface
public interface TopologyStores {

    /**
     * Opens the store {@code definition} describes; the caller closes it.
     *
     * @throws RuntimeException with a message for the operator, if it cannot be opened
     */
    Store open(StoreDefinition definition);
}
