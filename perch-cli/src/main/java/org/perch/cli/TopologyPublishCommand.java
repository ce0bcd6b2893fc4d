package org.perch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.perch.cluster.topology.Publication;
import org.perch.cluster.topology.TopologyPublisher;
import org.perch.cluster.topology.TopologyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code perch topology publish FILE}: Lync's Publish Topology. Checks the file first and publishes nothing if it
 * has an error; then stores it, as its next version, in the chat store of every pool.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Checks a topology file, then stores it in the chat store of every pool as that store's next"
                + " version, and prints the version per store. Publishes nothing if the file has an error, if a store"
                + " cannot be opened, or if a store holds another version than --expect-version."},
        footerHeading = "%nExamples:%n",
        footer = {"  perch topology publish topology.json",
            "  perch topology publish topology.json --expect-version 3   (refused if someone published meanwhile)"})
final class TopologyPublishCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The topology file (JSON, docs/topology.md).")
    Path file;

    @Option(names = "--expect-version", paramLabel = "N",
            description = "The version every pool's store must hold now (0: none yet), as `perch topology show`"
                    + " printed it: two administrators publishing at once cannot overwrite each other. Without it,"
                    + " each store's current version is replaced.")
    Long expectVersion;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (expectVersion != null && expectVersion < 0) {
            throw new ParameterException(spec.commandLine(), "--expect-version must be 0 (none published yet) or"
                    + " more, got " + expectVersion);
        }
        PrintWriter out = spec.commandLine().getOut();
        TopologyReport report = TopologyFile.check(spec, file);
        if (!report.problems().isEmpty()) {
            TopologyFile.print(out, report);
            out.flush();
        }
        if (!report.publishable()) {
            throw new CliException(file + " has errors; nothing was published");
        }
        OptionalLong expected = expectVersion == null ? OptionalLong.empty() : OptionalLong.of(expectVersion);
        for (Publication publication : new TopologyPublisher(new CliTopologyStores(), Clock.systemUTC())
                .publish(report, expected)) {
            out.println("published version " + publication.published().version() + " to store '"
                    + publication.store() + "' (pool " + publication.pool() + ")");
        }
        out.flush();
        return 0;
    }
}
