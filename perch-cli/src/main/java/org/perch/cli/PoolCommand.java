package org.perch.cli;

import picocli.CommandLine.Command;

/**
 * {@code perch pool …}: the servers of a pool as its store sees them (docs/pools.md), and its disaster recovery
 * (docs/operations.md).
 */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = {"The servers of the pool: which run, which accept clients, and how they keep up"
                + " (docs/pools.md); failing it over to its backup store and back (docs/operations.md)."},
        subcommands = {PoolStatusCommand.class, PoolFailoverCommand.class, PoolFailbackCommand.class})
final class PoolCommand {
}
