package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.perch.store.postgres.PostgresSettings;
import org.perch.store.postgres.TestPostgres;
import org.perch.testing.PerchTestServer;

/**
 * A pool over a fresh PostgreSQL database, its topology published through the CLI: what its servers and
 * {@code perch pool status} are configured with. Servers start in this JVM, or in their own process where a test
 * kills one (SIGKILL: no shutdown hook, no goodbye to the pool).
 */
record PostgresPool(Path work, String name, String mucService, PostgresSettings database, Path passwordFile) {

    /** A pool of the topology to publish: its name, its MUC service and its servers ({@link #server}). */
    record Spec(String name, String mucService, List<String> servers) {
    }

    static String server(String name, int host, String role) {
        return """
                {"name": "%s", "host": "127.0.0.%d", "clientPort": 15222, "role": "%s"}""".formatted(name, host, role);
    }

    /** One pool, {@code pool-a} serving {@code chat.localhost}, with a compliance database if given. */
    static PostgresPool publish(Path work, Optional<PostgresSettings> compliance, String... servers)
            throws Exception {
        return publish(work, compliance, List.of(new Spec("pool-a", "chat.localhost", List.of(servers)))).getFirst();
    }

    /** One pool, {@code pool-a} serving {@code chat.localhost}, on the given database (a replicated one, say). */
    static PostgresPool publishOn(Path work, PostgresSettings database, String... servers) throws Exception {
        return publish(work, Optional.empty(), List.of(new Spec("pool-a", "chat.localhost", List.of(servers))),
                () -> database).getFirst();
    }

    /** Several pools in one topology, each on a database of its own, as the topology rules demand. */
    static List<PostgresPool> publish(Path work, Optional<PostgresSettings> compliance, List<Spec> specs)
            throws Exception {
        return publish(work, compliance, specs, TestPostgres::freshDatabase);
    }

    private static List<PostgresPool> publish(Path work, Optional<PostgresSettings> compliance, List<Spec> specs,
                                              Supplier<PostgresSettings> databases) throws Exception {
        Files.createDirectories(work);
        Path passwordFile = null;
        List<PostgresPool> pools = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        List<String> poolDocs = new ArrayList<>();
        for (Spec spec : specs) {
            PostgresSettings database = databases.get();
            if (passwordFile == null) {
                // The test databases share one role, so one password file serves them all.
                passwordFile = Files.writeString(work.resolve("db.password"), database.password() + "\n");
            }
            stores.add(store("chat-" + spec.name(), database, passwordFile));
            poolDocs.add(poolDocument(spec.name(), spec.mucService(), compliance.isPresent(), spec.servers()));
            pools.add(new PostgresPool(work, spec.name(), spec.mucService(), database, passwordFile));
        }
        if (compliance.isPresent()) {
            stores.add(store("audit", compliance.get(), passwordFile));
        }
        publishTopology(work, stores, poolDocs);
        return pools;
    }

    /**
     * One pool over two sites: its store the first site's database, its backupStore the second's, and its servers
     * configured with {@code both}, a URL naming both sites' hosts, so that they follow a promotion. The topology
     * file stays at {@link #topologyFile()} for {@code perch pool failover} and {@code failback}.
     */
    static PostgresPool publishStretched(Path work, PostgresSettings both, PostgresSettings firstSite,
                                         PostgresSettings secondSite, String... servers) throws Exception {
        Files.createDirectories(work);
        Path passwordFile = Files.writeString(work.resolve("db.password"), both.password() + "\n");
        String pool = poolDocument("pool-a", "chat.localhost", false, List.of(servers))
                .replace("\"store\": \"chat-pool-a\"", "\"store\": \"chat-pool-a\", \"backupStore\": \"chat-pool-a-dr\"");
        publishTopology(work, List.of(store("chat-pool-a", firstSite, passwordFile),
                store("chat-pool-a-dr", secondSite, passwordFile)), List.of(pool));
        return new PostgresPool(work, "pool-a", "chat.localhost", both, passwordFile);
    }

    /** The topology file last published. */
    Path topologyFile() {
        return work.resolve("pools.json");
    }

    /** Runs {@code perch pool ARGS…} as an operator would, from its own process. */
    PerchCommand pool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("pool"));
        command.addAll(List.of(args));
        return PerchCommand.runOn(work.resolve("cli"), -1, Map.of(), command.toArray(String[]::new));
    }

    /** Publishes this pool again, on the same database, with these servers (to change their roles). */
    void republish(String... servers) throws Exception {
        publishTopology(work, List.of(store("chat-" + name, database, passwordFile)),
                List.of(poolDocument(name, mucService, false, List.of(servers))));
    }

    private static String poolDocument(String name, String mucService, boolean compliance, List<String> servers) {
        return """
                {"name": "%s", "mucServices": ["%s"], "store": "chat-%s"%s, "servers": [%s]}"""
                .formatted(name, mucService, name, compliance ? ", \"complianceStore\": \"audit\"" : "",
                        String.join(", ", servers));
    }

    private static void publishTopology(Path work, List<String> stores, List<String> poolDocs) throws Exception {
        Path topology = Files.writeString(work.resolve("pools.json"), """
                {"schemaVersion": 1, "domain": "localhost", "stores": {%s}, "pools": [%s]}
                """.formatted(String.join(", ", stores), String.join(", ", poolDocs)));
        PerchCommand published = PerchCommand.runOn(work.resolve("cli"), -1, Map.of(), "topology", "publish",
                topology.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
    }

    private static String store(String name, PostgresSettings database, Path passwordFile) {
        return """
                "%s": {"kind": "postgresql", "url": "%s", "user": "%s", "passwordFile": "%s"}"""
                .formatted(name, database.url(), database.user(), passwordFile);
    }

    /** Starts one of the pool's servers in this JVM. */
    PerchTestServer start(String server) {
        return PerchTestServer.start(work.resolve(server), settings(server));
    }

    /** Starts one of the pool's servers in a process of its own, and waits until it takes clients. */
    ServerProcess startProcess(String server) throws Exception {
        List<String> args = new ArrayList<>(List.of(work.resolve(server).toString()));
        settings(server).forEach((key, value) -> args.add(key + "=" + value));
        Process process = ChildProcesses.startJava(ServerProcess.class, List.of(), args);
        return new ServerProcess(process, work.resolve(server),
                Integer.parseInt(ChildProcesses.awaitLine(process, "PORT ")));
    }

    private Map<String, String> settings(String server) {
        return Map.of("store.kind", "postgresql", "store.url", database.url(), "store.user", database.user(),
                "store.password-file", passwordFile.toString(), "pool.name", name, "pool.server", server,
                "muc.domain", mucService);
    }

    String status() throws Exception {
        PerchCommand status = PerchCommand.runOn(work.resolve("cli"), -1, Map.of("PERCH_STORE_KIND", "postgresql",
                "PERCH_STORE_URL", database.url(), "PERCH_STORE_USER", database.user(),
                "PERCH_STORE_PASSWORD_FILE", passwordFile.toString()), "pool", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        return status.out();
    }

    /** A pool server running in its own process: its data directory (for the certificate) and client port. */
    record ServerProcess(Process process, Path dataDir, int port) implements AutoCloseable {

        /** The process: starts the server with the settings given as key=value arguments, prints its port, waits. */
        public static void main(String[] args) throws InterruptedException {
            Map<String, String> settings = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                settings.put(kv[0], kv[1]);
            }
            PerchTestServer server = PerchTestServer.start(Path.of(args[0]), settings);
            System.out.println("PORT " + server.c2sPort());
            System.out.flush();
            new CountDownLatch(1).await();
        }

        /** SIGKILL, and waits until the process is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed server process ended").isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            kill();
        }
    }
}
