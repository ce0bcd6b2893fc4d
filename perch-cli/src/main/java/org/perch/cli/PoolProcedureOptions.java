package org.perch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What {@code perch pool failover} and {@code perch pool failback} both take. */
final class PoolProcedureOptions {

    @Option(names = "--pool", required = true, paramLabel = "NAME", description = "The pool, by its topology name.")
    String pool;

    @Option(names = "--topology", required = true, paramLabel = "FILE",
            description = "The topology file last published (JSON, docs/topology.md): where the pool's store and"
                    + " backup store are, and which servers are active normally.")
    Path topology;

    @Option(names = "--activate", split = ",", paramLabel = "SERVER",
            description = "The servers to make active, comma-separated (default: see the description).")
    List<String> activate;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for a promotion, a replay, or the servers to apply a topology"
                    + " (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    Optional<List<String>> activate() {
        return Optional.ofNullable(activate);
    }

    Duration waitFor() {
        return Duration.ofSeconds(waitSeconds);
    }
}
