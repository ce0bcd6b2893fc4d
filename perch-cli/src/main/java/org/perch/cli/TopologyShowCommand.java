package org.perch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.perch.cluster.topology.ParsedTopology;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.ServerDefinition;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyParser;
import org.perch.server.Stores;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import org.perch.store.cluster.PublishedTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perch topology show}: the topology published to the configured store (the data directory's, or the
 * pool's PostgreSQL database), as tables of pools and servers, or the stored document itself. Exit 1 when nothing
 * is published there.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows the topology published to the configured store (store.*, or the data directory's):"
                + " its version, when it was published, the pools with their stores, and the servers with their roles."
                + " --output json prints the published document as it was published."},
        footerHeading = "%nExamples:%n",
        footer = {"  perch topology show --data-dir /var/lib/perch", "  perch topology show --output json"})
final class TopologyShowCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default) or json (the published document).")
    AdminCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CliContext context = ((PerchCli) spec.root().userObject()).context();
        PerchConfig config = options.load(context.environment());
        PublishedTopology published;
        try (Store store = Stores.openExisting(config)) {
            published = store.topology().current().orElseThrow(() -> new CliException("no topology is published"
                    + " to this server's store (" + Stores.describe(config) + "); publish one with: perch topology"
                    + " publish FILE"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == AdminCommand.Output.json) {
            out.print(published.document().endsWith("\n") ? published.document() : published.document() + "\n");
        } else {
            print(out, published);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, PublishedTopology published) {
        String name = "published topology version " + published.version();
        ParsedTopology parsed = TopologyParser.parse(published.document(), name);
        Topology topology = parsed.topology().orElseThrow(() -> new CliException(name + " cannot be read: "
                + parsed.problems().getFirst()));
        out.println("version " + published.version() + ", published " + published.publishedAt() + ", domain "
                + topology.domain() + ", at most " + topology.maxActiveServersPerPool() + " active servers per pool");
        out.println();
        List<List<String>> pools = new ArrayList<>();
        List<List<String>> servers = new ArrayList<>();
        for (PoolDefinition pool : topology.pools()) {
            pools.add(List.of(pool.name(), pool.state().jsonName(), String.join(", ", pool.mucServices()), pool.store(),
                    pool.backupStore().orElse("-"), pool.complianceStore().orElse("-"), pool.fileStore().orElse("-")));
            for (ServerDefinition server : pool.servers()) {
                servers.add(List.of(pool.name(), server.name(), server.host(), String.valueOf(server.clientPort()),
                        server.role().jsonName()));
            }
        }
        Tables.print(out, List.of("POOL", "STATE", "MUC SERVICES", "STORE", "BACKUP", "COMPLIANCE", "FILE STORE"), pools);
        out.println();
        Tables.print(out, List.of("POOL", "SERVER", "HOST", "PORT", "ROLE"), servers);
    }
}
