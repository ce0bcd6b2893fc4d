package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.List;
import org.perch.store.Store;

/** The pools' stores opened for one publication: each with its pool, all closed together. */
final class OpenedStores implements AutoCloseable {

    /** One pool's chat store, open. */
    record Target(String pool, String name, Store store) {
        /** How messages name it: {@code store 'chat-a' of pool 'pool-a'}. */
        String describe() {
            return describe(name, pool);
        }

        static String describe(String store, String pool) {
            return "store '" + store + "' of pool '" + pool + "'";
        }
    }

    private final List<Target> targets = new ArrayList<>();

    /**
     * Opens the store that holds each pool's rooms now (its backup store if it has failed over); closes what it
     * opened if one cannot be opened.
     */
    static OpenedStores open(Topology topology, TopologyStores stores) {
        OpenedStores opened = new OpenedStores();
        try {
            for (PoolDefinition pool : topology.pools()) {
                StoreDefinition definition = topology.store(pool.currentStore()).orElseThrow();
                try {
                    opened.targets.add(new Target(pool.name(), definition.name(), stores.open(definition)));
                } catch (RuntimeException e) {
                    throw new TopologyException("could not open " + Target.describe(definition.name(), pool.name())
                            + ": " + e.getMessage() + "; nothing was published", e);
                }
            }
            return opened;
        } catch (RuntimeException e) {
            try {
                opened.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    List<Target> targets() {
        return targets;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Target target : targets) {
            try {
                target.store().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
