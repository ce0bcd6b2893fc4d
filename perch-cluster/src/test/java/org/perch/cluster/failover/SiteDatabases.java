package org.perch.cluster.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perch.cluster.topology.PostgresStoreDefinition;

/**
 * The two sites' database hosts for the procedures' tests, one per store, each in the state a test gives it; a
 * promotion or a fence changes that state as PostgreSQL would. What a real PostgreSQL pair does is drilled in
 * perch-it (FailoverDrillIT); here, every branch of the procedures.
 */
final class SiteDatabases implements DatabaseControl {

    private final Map<String, DatabaseHost> byStore = new LinkedHashMap<>();
    final List<String> actions = new ArrayList<>();

    void set(String store, DatabaseHost host) {
        byStore.put(store, host);
    }

    @Override
    public List<DatabaseHost> hosts(PostgresStoreDefinition store) {
        return List.of(byStore.get(store.name()));
    }

    @Override
    public void promote(PostgresStoreDefinition store, String host, Duration wait) {
        DatabaseHost.Standby standby = (DatabaseHost.Standby) byStore.get(store.name());
        actions.add("promote " + host);
        byStore.put(store.name(), new DatabaseHost.Primary(host, standby.replayPosition()));
    }

    @Override
    public void fence(PostgresStoreDefinition store, String host) {
        DatabaseHost.Primary primary = (DatabaseHost.Primary) byStore.get(store.name());
        actions.add("fence " + host);
        byStore.put(store.name(), new DatabaseHost.Fenced(host, primary.walPosition()));
    }
}
