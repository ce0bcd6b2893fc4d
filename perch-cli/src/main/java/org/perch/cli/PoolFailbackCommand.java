package org.perch.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.perch.cluster.failover.PoolFailback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code perch pool failback}: Lync's failback procedure (spec §12.7), step by step, safe to run again. */
@Command(name = "failback", mixinStandardHelpOptions = true,
        description = {"Returns a failed-over pool to its store in the first site, once that database has been"
                + " rebuilt as a standby of the backup store (docs/operations.md):",
            "  1. checks the pool has a PostgreSQL backupStore;",
            "  2. checks the stores: the backup accepts writes and the pool's store is its standby (or an earlier"
                + " run got further);",
            "  3. publishes the topology with every server of the pool idle, and waits until none takes clients;",
            "  4. fences the backup store: read-only, its sessions ended;",
            "  5. waits until the pool's store has replayed everything the backup wrote;",
            "  6. promotes the pool's store;",
            "  7. publishes the topology to it with the pool normal and the servers the topology file makes active"
                + " (or --activate);",
            "  8. waits until those servers take clients.",
            "Clients cannot post between steps 3 and 8, so nothing they posted during the failover is lost. Each step"
                + " is printed; run the command again after a stop: the steps already done are skipped."},
        footerHeading = "%nExamples:%n",
        footer = {"  perch pool failback --pool pool-a --topology pools.json"})
final class PoolFailbackCommand implements Callable<Integer> {

    @Mixin
    PoolProcedureOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return PoolProcedures.run(spec, options, (topology, out) -> new PoolFailback(topology,
                new PostgresDatabaseControl(), new CliTopologyStores(), Clock.systemUTC(), PoolProcedures.POLL)
                .run(options.pool, options.activate(), options.waitFor(), out));
    }
}
