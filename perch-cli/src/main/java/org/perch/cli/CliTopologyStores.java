package org.perch.cli;

import java.nio.file.Path;
import org.perch.cluster.topology.EmbeddedStoreDefinition;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.cluster.topology.TopologyStores;
import org.perch.server.Stores;
import org.perch.store.Store;
import org.perch.store.h2.H2Store;
import org.perch.store.postgres.PostgresStore;

/**
 * The stores {@code perch topology publish} opens, as the topology defines them: H2 in a data directory, or a
 * PostgreSQL database with the password read from its file on this machine.
 */
final class CliTopologyStores implements TopologyStores {

    /** Publishing reads and writes one row: a small pool of connections is plenty. */
    private static final int CONNECTIONS = 2;

    @Override
    public Store open(StoreDefinition definition) {
        return switch (definition) {
            case EmbeddedStoreDefinition embedded -> H2Store.open(Path.of(embedded.dataDir()));
            case PostgresStoreDefinition postgres -> PostgresStore.open(Stores.settings(postgres, CONNECTIONS));
        };
    }
}
