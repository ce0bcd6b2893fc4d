package org.perch.bench.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.bench.Dataset;
import org.perch.store.postgres.PostgresSettings;
import org.perch.store.postgres.TestPostgres;

/**
 * The running servers of one {@link Configuration}, each in its own process, on data directories in a temporary
 * directory; a pool gets a fresh database of the bench's PostgreSQL ({@link TestPostgres}).
 */
record BenchDeployment(Configuration configuration, List<BenchServerProcess> servers,
                       Optional<PostgresSettings> database, Path work) implements AutoCloseable {

    /** Besides the store, every server is started with these: the bench's clients all come from 127.0.0.1. */
    static final Map<String, String> SETTINGS = BenchServerProcess.LOAD_SETTINGS;

    /** Starts the servers; the first creates {@code accounts} accounts (a pool's servers share them). */
    static BenchDeployment start(Configuration configuration, int accounts) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("perch-pool-bench-");
        List<BenchServerProcess> servers = new ArrayList<>();
        try {
            if (!configuration.pooled()) {
                servers.add(BenchServerProcess.start("server", work.resolve("server"), SETTINGS, accounts));
                return new BenchDeployment(configuration, servers, Optional.empty(), work);
            }
            PostgresSettings database = TestPostgres.freshDatabase();
            PoolTopology pool = PoolTopology.publish(work, database, configuration.servers());
            for (String server : pool.servers()) {
                Map<String, String> settings = new HashMap<>(SETTINGS);
                settings.putAll(pool.settings(server));
                servers.add(BenchServerProcess.start(server, work.resolve(server), settings,
                        servers.isEmpty() ? accounts : 0));
            }
            return new BenchDeployment(configuration, servers, Optional.of(database), work);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(servers, work);
            throw e;
        }
    }

    /** The servers' CPU time so far, in microseconds. */
    long serverCpuMicros() {
        return servers.stream().mapToLong(BenchServerProcess::cpuMicros).sum();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop(servers, work);
    }

    private static void stop(List<BenchServerProcess> servers, Path work) throws IOException, InterruptedException {
        for (BenchServerProcess server : servers) {
            server.close();
        }
        Dataset.deleteTree(work);
    }
}
