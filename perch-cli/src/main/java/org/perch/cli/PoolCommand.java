package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch pool …}: the servers of a pool as its store sees them (docs/pools.md). */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = "The servers of the pool: which run, which accept clients, and how they keep up (docs/pools.md).",
        subcommands = {PoolStatusCommand.class})
final class PoolCommand {
}
