package org.perch.cli;

import picocli.CommandLine.Command;

/**
 * {@code perch topology …}: the pool topology (Lync's Topology Builder document): checked, published to each pool's
 * store, and shown from the local one (docs/topology.md).
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "The pool topology: check a topology file, publish it to every pool's store, show the one"
                + " published (docs/topology.md).",
        subcommands = {TopologyValidateCommand.class, TopologyPublishCommand.class, TopologyShowCommand.class})
final class TopologyCommand {
}
