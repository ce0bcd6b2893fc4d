package org.perch.cli;

import java.time.Duration;
import java.util.List;
import org.perch.cluster.failover.DatabaseControl;
import org.perch.cluster.failover.DatabaseHost;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.server.Stores;
import org.perch.store.postgres.PostgresReplication;
import org.perch.store.postgres.PostgresReplication.HostStatus;
import org.perch.store.postgres.PostgresSettings;

/** The PostgreSQL hosts of the topology's stores, reached with each store's user and password file. */
final class PostgresDatabaseControl implements DatabaseControl {

    @Override
    public List<DatabaseHost> hosts(PostgresStoreDefinition store) {
        return PostgresReplication.hosts(settings(store)).stream().map(PostgresDatabaseControl::host).toList();
    }

    @Override
    public void promote(PostgresStoreDefinition store, String host, Duration wait) {
        PostgresReplication.promote(settings(store), host, wait);
    }

    @Override
    public void fence(PostgresStoreDefinition store, String host) {
        PostgresReplication.fence(settings(store), host);
    }

    private static DatabaseHost host(HostStatus status) {
        if (status.unreachable().isPresent()) {
            return new DatabaseHost.Unreachable(status.host(), status.unreachable().get());
        }
        if (status.inRecovery()) {
            return new DatabaseHost.Standby(status.host(), status.walPosition());
        }
        return status.readOnly() ? new DatabaseHost.Fenced(status.host(), status.walPosition())
                : new DatabaseHost.Primary(status.host(), status.walPosition());
    }

    private static PostgresSettings settings(PostgresStoreDefinition store) {
        return Stores.settings(store, 1);
    }
}
