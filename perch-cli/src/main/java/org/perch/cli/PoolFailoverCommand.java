package org.perch.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.perch.cluster.failover.PoolFailover;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code perch pool failover}: Lync's failover procedure (spec §12.6), step by step, safe to run again. */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = {"Fails the pool over to its backup store after the loss of the first site (docs/operations.md):",
            "  1. checks the pool has a PostgreSQL backupStore;",
            "  2. checks that no host of the pool's store accepts writes (stop it first: two primaries would split"
                + " the pool);",
            "  3. promotes the backup store, unless it already accepts writes;",
            "  4. publishes the topology to it with the pool failedOver and the servers that were idle active"
                + " (or --activate), unless already done;",
            "  5. waits until those servers take clients and the others do not (servers made idle send their"
                + " clients to an active one).",
            "Each step is printed. A step that cannot be done stops the command with the reason; run it again once"
                + " fixed: the steps already done are recognised and skipped."},
        footerHeading = "%nExamples:%n",
        footer = {"  perch pool failover --pool pool-a --topology pools.json",
            "  perch pool failover --pool pool-a --topology pools.json --activate fe9,fe10"})
final class PoolFailoverCommand implements Callable<Integer> {

    @Mixin
    PoolProcedureOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return PoolProcedures.run(spec, options, (topology, out) -> new PoolFailover(topology,
                new PostgresDatabaseControl(), new CliTopologyStores(), Clock.systemUTC(), PoolProcedures.POLL)
                .run(options.pool, options.activate(), options.waitFor(), out));
    }
}
