package org.perch.cluster.failover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.PoolState;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyParser;
import org.perch.cluster.topology.TopologyReport;
import org.perch.store.Store;
import org.perch.store.cluster.PoolNode;
import org.perch.store.memory.InMemoryStore;

/**
 * A pool over two sites for the procedures' tests: its chat store and its backup store (in-memory stores standing
 * for the two databases), their hosts ({@link SiteDatabases}), and the servers' heartbeats, which a test writes as
 * the servers would once they have applied a topology.
 */
final class Sites {

    static final String FILE = """
            {"schemaVersion": 1, "domain": "example.org", "maxActiveServersPerPool": 2,
             "stores": {
               "chat-a": {"kind": "postgresql", "url": "jdbc:postgresql://db1.example.org/perch", "user": "perch",
                          "passwordFile": "/etc/perch/db.password"},
               "chat-a-dr": {"kind": "postgresql", "url": "jdbc:postgresql://db9.example.org/perch", "user": "perch",
                             "passwordFile": "/etc/perch/db.password"}},
             "pools": [{"name": "pool-a", "mucServices": ["chat.example.org"], "store": "chat-a",
                        "backupStore": "chat-a-dr",
                        "servers": [
                          {"name": "fe1", "host": "fe1.example.org", "role": "active"},
                          {"name": "fe2", "host": "fe2.example.org", "role": "active"},
                          {"name": "fe9", "host": "fe9.dr.example.org", "role": "idle"}]}]}
            """;

    final Topology topology = TopologyParser.parse(FILE, "pools.json").topology().orElseThrow();
    final Store store = new InMemoryStore();
    final Store backup = new InMemoryStore();
    final SiteDatabases databases = new SiteDatabases();
    final List<StepReport> steps = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Store> byName = Map.of("chat-a", store, "chat-a-dr", backup);

    Sites() {
        if (!TopologyReport.check(FILE, "pools.json").publishable()) {
            throw new IllegalStateException(TopologyReport.check(FILE, "pools.json").summary());
        }
        // Published once in the chat store, and there in the backup too: replication copies it.
        store.topology().publish(FILE, clock.instant(), 0);
        backup.topology().publish(FILE, clock.instant(), 0);
    }

    PoolFailover failover() {
        return new PoolFailover(topology, databases, definition -> byName.get(definition.name()), clock,
                Duration.ofMillis(10));
    }

    PoolFailback failback() {
        return new PoolFailback(topology, databases, definition -> byName.get(definition.name()), clock,
                Duration.ofMillis(10));
    }

    /** The servers' heartbeats in {@code in}, as they beat once they have applied a topology. */
    void beat(Store in, String... activeServers) {
        Instant now = clock.instant();
        for (String server : List.of("fe1", "fe2", "fe9")) {
            boolean active = List.of(activeServers).contains(server);
            in.nodes().register(new PoolNode(server, "pool-a", server + ".example.org", active, now, now, 0, 0));
        }
    }

    PoolDefinition published(Store in) {
        String document = in.topology().current().orElseThrow().document();
        return TopologyParser.parse(document, "published").topology().orElseThrow().pools().getFirst();
    }

    static boolean failedOver(PoolDefinition pool) {
        return pool.state() == PoolState.FAILED_OVER;
    }
}
