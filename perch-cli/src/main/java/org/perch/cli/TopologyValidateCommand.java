package org.perch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.perch.cluster.topology.TopologyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code perch topology validate FILE}: every problem of a topology file with its place, without touching any
 * store. Exit 0 when it may be published (warnings allowed), 1 when it has errors, 2 for a usage error.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a topology file and prints every problem as FILE:LINE:COL: error|warning: path:"
                + " message, then a summary. Touches no store. Exit 0 if it has no error (warnings allowed), 1 if it"
                + " has."},
        footerHeading = "%nExample:%n",
        footer = {"  perch topology validate topology.json"})
final class TopologyValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The topology file (JSON, docs/topology.md).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TopologyReport report = TopologyFile.check(spec, file);
        TopologyFile.print(spec.commandLine().getOut(), report);
        spec.commandLine().getOut().flush();
        return report.errors() == 0 ? 0 : PerchCli.FAILED;
    }
}
