package org.perch.bench.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.perch.testing.PerchTestServer;

/**
 * A Perch server in a JVM of its own, so that its CPU time can be read apart from the clients' ({@link ProcessCpu}).
 * The child runs {@link #main}: it starts a {@link PerchTestServer} with the settings given, creates the accounts
 * it is told to, prints {@code PORT <c2s port>} and waits to be stopped. It also serves by hand as a server with
 * many accounts for the load generator (perch-bench/README.md).
 */
public record BenchServerProcess(String name, Process process, Path dataDir, int port) implements AutoCloseable {

    /** The child's heap; everything else about its JVM is left at the defaults. */
    public static final String HEAP = "-Xmx1g";
    /**
     * Settings for a server under load from one machine: all clients may come from one address, more than the 64
     * connections an address may hold by default, a client may stay silent for long, and thousands of logins
     * started at once may queue for longer than the 30 s a connection is given to bind a session.
     */
    public static final Map<String, String> LOAD_SETTINGS = Map.of("limits.max-connections-per-address", "1000000",
            "limits.idle-timeout-seconds", "86400", "limits.negotiation-timeout-seconds", "3600");
    private static final int FORWARDED_LINES = 50;

    /**
     * Arguments: the data directory, how many accounts to create ({@link Occupants#account}: user0, user1, …), then
     * optionally {@code --password P} (the accounts' password, by default {@link PerchTestServer#PASSWORD}), then
     * configuration as key=value.
     */
    public static void main(String[] args) throws InterruptedException {
        int first = 2;
        String password = PerchTestServer.PASSWORD;
        if (args.length > 3 && args[2].equals("--password")) {
            password = args[3];
            first = 4;
        }
        Map<String, String> settings = new HashMap<>();
        for (int i = first; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        PerchTestServer server = PerchTestServer.start(Path.of(args[0]), settings);
        String onePassword = password;
        // Each account costs its PBKDF2 verifiers (a few ms): thousands of them are worth every core.
        IntStream.range(0, Integer.parseInt(args[1])).parallel()
                .forEach(i -> server.addUser(Occupants.account(i), onePassword, false));
        System.out.println("PORT " + server.c2sPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Starts the child and waits until it takes clients; its output after that goes to our standard error. */
    static BenchServerProcess start(String name, Path dataDir, Map<String, String> settings, int accounts)
            throws IOException, InterruptedException {
        return start(name, dataDir, settings, accounts, PerchTestServer.PASSWORD);
    }

    /** As {@link #start(String, Path, Map, int)}, the accounts with {@code password}. */
    public static BenchServerProcess start(String name, Path dataDir, Map<String, String> settings, int accounts,
                                           String password) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP));
        // As ./perch serve does: PERCH_JAVA_OPTS adds JVM options (a collector to compare, say).
        String extra = System.getenv().getOrDefault("PERCH_JAVA_OPTS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), BenchServerProcess.class.getName(), dataDir.toString(),
                Integer.toString(accounts), "--password", password));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Ended with this JVM even when it is interrupted (Ctrl-C) before close() runs.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
        try {
            return new BenchServerProcess(name, process, dataDir, port(name, process));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** User plus system CPU time the server has used so far, in microseconds. */
    long cpuMicros() {
        return ProcessCpu.micros(process.pid());
    }

    /** SIGTERM, and SIGKILL if the server has not ended 20 s later. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads the child's output until it prints its port, and keeps reading so that the child never blocks on a
     * full pipe: what it prints later (warnings, errors) is forwarded, up to {@value #FORWARDED_LINES} lines.
     */
    private static int port(String name, Process process) throws IOException, InterruptedException {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> before = new ArrayList<>();
            int forwarded = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!port.isDone() && line.startsWith("PORT ")) {
                        port.complete(Integer.parseInt(line.substring(5).strip()));
                    } else if (!port.isDone()) {
                        before.add(line);
                    } else if (forwarded++ < FORWARDED_LINES) {
                        System.err.println("[" + name + "] " + line);
                    }
                }
                port.completeExceptionally(new IOException("server " + name + " ended before listening:\n"
                        + String.join("\n", before.subList(Math.max(0, before.size() - 100), before.size()))));
            } catch (IOException | RuntimeException e) {
                port.completeExceptionally(e);
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(180, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("server " + name + " did not listen within 180 s", e);
        }
    }
}
