package org.perch.cluster.failover;

import java.time.Duration;
import java.util.List;
import org.perch.cluster.topology.PostgresStoreDefinition;

/**
 * What a failover needs from a store's database servers beyond the store itself: their replication state,
 * promotion and fencing. Each host is asked on its own, whatever the URL's {@code targetServerType}, because the
 * question is which host is what. Supplied by the program that runs the procedure, which knows the driver.
 */
public interface DatabaseControl {

    /** Each host the store's URL names, in URL order, as it answers now. */
    List<DatabaseHost> hosts(PostgresStoreDefinition store);

    /**
     * Makes the standby at {@code host} a primary, and returns once it accepts writes.
     *
     * @throws RuntimeException saying why, if it cannot (not allowed, not a standby, no answer within {@code wait})
     */
    void promote(PostgresStoreDefinition store, String host, Duration wait);

    /**
     * Makes the primary at {@code host} refuse writes from now on, and ends the other sessions on it, so that the
     * servers' connections move to the host that will be promoted.
     */
    void fence(PostgresStoreDefinition store, String host);
}
