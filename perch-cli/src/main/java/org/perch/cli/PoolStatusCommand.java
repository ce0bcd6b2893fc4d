package org.perch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.perch.cluster.node.Heartbeat;
import org.perch.cluster.topology.Databases;
import org.perch.cluster.topology.PoolDefinition;
import org.perch.cluster.topology.ServerDefinition;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyReport;
import org.perch.server.Stores;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import org.perch.store.cluster.PoolNode;
import org.perch.store.cluster.PublishedTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perch pool status}: every server the published topology names in the pools kept in the configured store,
 * with what its heartbeat there last said (running or not, accepting clients or idle, connections), any server that
 * beats without being in the topology, and how far each is behind in the pool feed. Reads the configured store directly, so it works
 * while every server is down.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each server of the pool: its role in the published topology, whether it runs (by its"
                + " heartbeat in the pool's store), whether it accepts clients, its connections, how long ago it"
                + " last beat, and how many pool feed events it had yet to deliver then. A server silent for longer than " + Heartbeat.SILENT_AFTER_SECONDS + " s counts as"
                + " gone (docs/pools.md)."},
        footerHeading = "%nExamples:%n",
        footer = {"  perch pool status --config /etc/perch/perch.properties", "  perch pool status --output json"})
final class PoolStatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default) or json.")
    AdminCommand.Output output;

    @Spec
    CommandSpec spec;

    /** One server as the status shows it; {@code node} is empty when it does not beat. */
    private record Row(String pool, String server, String host, String role, Optional<PoolNode> node) {
    }

    @Override
    public Integer call() {
        CliContext context = ((PerchCli) spec.root().userObject()).context();
        PerchConfig config = options.load(context.environment());
        Optional<PublishedTopology> published;
        List<PoolNode> nodes;
        long feedEnd;
        try (Store store = Stores.openExisting(config)) {
            published = store.topology().current();
            nodes = store.nodes().nodes();
            feedEnd = store.feed().lastPosition();
        }
        Instant now = Clock.systemUTC().instant();
        Optional<Topology> topology = published.flatMap(PoolStatusCommand::topology);
        List<PoolDefinition> here = poolsIn(topology, Stores.definition(config));
        List<Row> rows = rows(here, nodes);
        PrintWriter out = spec.commandLine().getOut();
        if (output == AdminCommand.Output.json) {
            out.println(json(published, here, rows, now, feedEnd));
        } else {
            out.println(published.map(p -> "topology version " + p.version() + ", published " + p.publishedAt())
                    .orElse("no topology is published to this store (" + Stores.describe(config) + ")"));
            here.forEach(p -> out.println("pool " + p.name() + ": " + p.state().jsonName() + ", rooms in store '"
                    + p.currentStore() + "'"));
            Tables.print(out, List.of("POOL", "SERVER", "HOST", "ROLE", "STATE", "CONNECTIONS", "LAST BEAT",
                    "FEED LAG"), rows.stream().map(r -> List.of(r.pool(), r.server(), r.host(), r.role(),
                            state(r, now), r.node().map(n -> String.valueOf(n.connections())).orElse("-"),
                            r.node().map(n -> seconds(Duration.between(n.lastBeat(), now)) + " ago").orElse("-"),
                            r.node().map(n -> lag(n, feedEnd) + " events").orElse("-"))).toList());
            topology.map(Topology::pools).orElse(List.of()).stream().filter(p -> !here.contains(p)).forEach(p ->
                    out.println("pool " + p.name() + " keeps its servers' heartbeats in its own store: run this"
                            + " command with the configuration of one of its servers"));
        }
        out.flush();
        return 0;
    }

    private static Optional<Topology> topology(PublishedTopology published) {
        return TopologyReport.check(published.document(), "published topology version " + published.version())
                .topology();
    }

    /**
     * The pools whose chat store is the configured one: only their servers beat there. If the topology names none
     * (a configuration that points elsewhere), all, so that the status still shows what the topology says.
     */
    private static List<PoolDefinition> poolsIn(Optional<Topology> topology, StoreDefinition configured) {
        if (topology.isEmpty()) {
            return List.of();
        }
        Topology t = topology.get();
        List<PoolDefinition> here = t.pools().stream().filter(p -> t.store(p.store())
                .filter(s -> Databases.same(s, configured)).isPresent()).toList();
        return here.isEmpty() ? t.pools() : here;
    }

    /** The pools' servers in topology order, then servers that beat but are not in it (an older topology's). */
    private static List<Row> rows(List<PoolDefinition> pools, List<PoolNode> nodes) {
        Map<String, PoolNode> beating = new LinkedHashMap<>();
        nodes.forEach(n -> beating.put(n.server(), n));
        List<Row> rows = new ArrayList<>();
        for (PoolDefinition pool : pools) {
            for (ServerDefinition server : pool.servers()) {
                rows.add(new Row(pool.name(), server.name(), server.host(), server.role().jsonName(),
                        Optional.ofNullable(beating.remove(server.name()))));
            }
        }
        beating.values().forEach(n -> rows.add(new Row(n.pool(), n.server(), n.host(), "not in the topology",
                Optional.of(n))));
        return rows;
    }

    private static String state(Row row, Instant now) {
        return row.node().map(n -> Duration.between(n.lastBeat(), now).compareTo(Heartbeat.SILENT_AFTER) > 0
                ? "silent" : n.active() ? "running, accepting clients" : "running, idle").orElse("not running");
    }

    /**
     * How many feed events the server had not yet delivered when it last beat: the pool's last position now, less
     * the one it reported (an idle server reads the feed too).
     */
    private static long lag(PoolNode node, long feedEnd) {
        return Math.max(0, feedEnd - node.feedPosition());
    }

    private static String json(Optional<PublishedTopology> published, List<PoolDefinition> pools, List<Row> rows,
                               Instant now, long feedEnd) {
        ObjectNode root = AdminClient.JSON.createObjectNode();
        published.ifPresentOrElse(p -> root.put("topologyVersion", p.version()), () -> root.putNull("topologyVersion"));
        ObjectNode states = root.putObject("poolStates");
        pools.forEach(p -> states.put(p.name(), p.state().jsonName()));
        root.put("feedPosition", feedEnd);
        ArrayNode servers = root.putArray("servers");
        for (Row r : rows) {
            ObjectNode s = servers.addObject().put("pool", r.pool()).put("server", r.server()).put("host", r.host())
                    .put("role", r.role()).put("state", state(r, now));
            r.node().ifPresent(n -> s.put("acceptsClients", n.active()).put("connections", n.connections())
                    .put("startedAt", n.startedAt().toString()).put("lastBeat", n.lastBeat().toString())
                    .put("feedPosition", n.feedPosition()).put("feedLag", lag(n, feedEnd)));
        }
        try {
            return AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the pool status as JSON", e);
        }
    }

    private static String seconds(Duration d) {
        return Math.max(0, d.toSeconds()) + " s";
    }
}
