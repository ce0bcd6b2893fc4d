package org.perch.bench.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.perch.cluster.topology.EmbeddedStoreDefinition;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.TopologyPublisher;
import org.perch.cluster.topology.TopologyReport;
import org.perch.server.Stores;
import org.perch.store.postgres.PostgresSettings;
import org.perch.store.postgres.PostgresStore;
import org.perch.testing.PerchTestServer;

/**
 * One pool of active servers ({@code fe1}, {@code fe2} …) over one PostgreSQL database, as an operator sets it up
 * (docs/topology.md): a topology file, published to the pool's store as {@code perch topology publish} does, and
 * per server the settings {@code perch serve --pool --server} would be given.
 */
record PoolTopology(PostgresSettings database, Path passwordFile, List<String> servers) {

    static final String POOL = "bench";
    static final String MUC_SERVICE = "chat." + PerchTestServer.DOMAIN;

    /** Writes the topology and its password file into {@code work} and publishes it (version 1). */
    static PoolTopology publish(Path work, PostgresSettings database, int serverCount) throws IOException {
        Path passwordFile = Files.writeString(work.resolve("db.password"), database.password() + "\n");
        List<String> servers = IntStream.rangeClosed(1, serverCount).mapToObj(i -> "fe" + i).toList();
        List<String> serverDocs = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            serverDocs.add("""
                    {"name": "%s", "host": "127.0.0.%d", "clientPort": 5222, "role": "active"}"""
                    .formatted(servers.get(i), i + 1));
        }
        String document = """
                {"schemaVersion": 1, "domain": "%s",
                 "stores": {"chat": {"kind": "postgresql", "url": "%s", "user": "%s", "passwordFile": "%s"}},
                 "pools": [{"name": "%s", "mucServices": ["%s"], "store": "chat", "servers": [%s]}]}
                """.formatted(PerchTestServer.DOMAIN, database.url(), database.user(), passwordFile,
                POOL, MUC_SERVICE, String.join(", ", serverDocs));
        Path file = Files.writeString(work.resolve("topology.json"), document);
        TopologyReport report = TopologyReport.check(document, file.toString());
        new TopologyPublisher(definition -> switch (definition) {
            case PostgresStoreDefinition postgres -> PostgresStore.open(Stores.settings(postgres, 2));
            case EmbeddedStoreDefinition embedded -> throw new IllegalStateException("the bench pool has no H2 store");
        }, Clock.systemUTC()).publish(report, OptionalLong.of(0));
        return new PoolTopology(database, passwordFile, servers);
    }

    /** What one of the pool's servers is started with. */
    Map<String, String> settings(String server) {
        return Map.of("store.kind", "postgresql", "store.url", database.url(), "store.user", database.user(),
                "store.password-file", passwordFile.toString(), "pool.name", POOL, "pool.server", server,
                "muc.domain", MUC_SERVICE);
    }
}
