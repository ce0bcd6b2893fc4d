package org.perch.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One profile against Perch, Prosody and ejabberd in turn ({@code --compare}), on the same machine in the same run,
 * then one table: each figure per server, and how many times better Perch did than each other server (above 1:
 * Perch did better, whichever way "better" points for that figure).
 */
final class SideBySide {

    /** Which way a figure is better; a count of sessions or errors gets no ratio. */
    enum Better { HIGHER, LOWER, NO_RATIO }

    record Row(String label, Better better, Map<Peer, OptionalDouble> values) {

        /** How many times better Perch did than {@code peer}, when both were measured and the ratio means something. */
        OptionalDouble perchAdvantageOver(Peer peer) {
            OptionalDouble perch = values.getOrDefault(Peer.PERCH, OptionalDouble.empty());
            OptionalDouble other = values.getOrDefault(peer, OptionalDouble.empty());
            if (better == Better.NO_RATIO || perch.isEmpty() || other.isEmpty() || perch.getAsDouble() <= 0
                    || other.getAsDouble() <= 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(better == Better.HIGHER ? perch.getAsDouble() / other.getAsDouble()
                    : other.getAsDouble() / perch.getAsDouble());
        }
    }

    private SideBySide() {
    }

    static void run(LoadOptions options, String commandLine) throws Exception {
        for (Peer peer : options.compare()) {
            if (peer != Peer.PERCH) {
                peer.pid(); // before anything runs: a peer that is not up stops the run with how to start it
            }
        }
        Map<Peer, ProfileResult> results = new LinkedHashMap<>();
        for (Peer peer : options.compare()) {
            System.out.printf("%n=== %s ===%n", peer);
            results.put(peer, LoadGenerator.measure(options.against(peer), commandLine + "  [against " + peer + "]"));
        }
        List<Row> rows = switch (options.profile()) {
            case "fanout", "auditorium" -> fanoutRows(narrow(results, FanoutProfile.Result.class), options.rates());
            case "joinstorm" -> joinStormRows(narrow(results, JoinStormProfile.Result.class));
            case "lync" -> lyncRows(narrow(results, LyncModelProfile.Result.class));
            default -> connectionsRows(narrow(results, ConnectionsProfile.Result.class));
        };
        print(System.out, options, List.copyOf(results.keySet()), rows);
        results.forEach((peer, result) -> {
            if (result instanceof FanoutProfile.Result fanout && fanout.steps().stream()
                    .noneMatch(FanoutProfile.Step::saturated)) {
                System.out.printf("side by side: %s did not saturate within the rates offered: its figure at"
                        + " saturation is a lower bound%n", peer);
            }
        });
    }

    static List<Row> fanoutRows(Map<Peer, FanoutProfile.Result> results, List<Double> rates) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("deliveries/s at saturation", Better.HIGHER, results,
                r -> best(r).map(FanoutProfile.Step::deliveries)));
        rows.add(row("  messages/s offered then", Better.HIGHER, results,
                r -> best(r).map(FanoutProfile.Step::offered)));
        rows.add(row("p99 ms at half that rate", Better.LOWER, results,
                r -> halfOfBest(r).map(s -> s.latency().p99())));
        rows.add(row("logins/s", Better.HIGHER, results, r -> Optional.of(r.logins().perSecond())));
        rows.add(row("joins/s", Better.HIGHER, results, r -> Optional.of(r.joins().perSecond())));
        for (double rate : rates) {
            String at = String.format(Locale.ROOT, " at %s msg/s per poster", decimal(rate, 2));
            rows.add(row("p99 ms" + at, Better.LOWER, results, r -> step(r, rate).map(s -> s.latency().p99())));
            rows.add(row("server CPU %" + at, Better.LOWER, results, r -> step(r, rate)
                    .flatMap(s -> present(s.serverCpuShare())).map(share -> share * 100)));
        }
        rows.add(row("MAM page p99 ms", Better.LOWER, results, r -> r.mam().map(m -> m.latency().p99())));
        rows.add(row("errors", Better.NO_RATIO, results, r -> Optional.of((double) r.errors())));
        return rows;
    }

    static List<Row> connectionsRows(Map<Peer, ConnectionsProfile.Result> results) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("sessions held", Better.NO_RATIO, results, r -> Optional.of((double) r.held())));
        rows.add(row("logins/s", Better.HIGHER, results, r -> Optional.of(r.logins().perSecond())));
        rows.add(row("joins/s", Better.HIGHER, results, r -> Optional.of(r.joins().perSecond())));
        rows.add(row("server RSS KiB per session", Better.LOWER, results, r -> r.server().filter(s -> r.held() > 0)
                .map(s -> (s.rssAfterKib() - s.rssBeforeKib()) / (double) r.held())));
        rows.add(row("server heap KiB per session (JVM)", Better.NO_RATIO, results, r -> r.server()
                .filter(s -> r.held() > 0 && s.heapBeforeKib().isPresent() && s.heapAfterKib().isPresent())
                .map(s -> (s.heapAfterKib().getAsLong() - s.heapBeforeKib().getAsLong()) / (double) r.held())));
        rows.add(row("server CPU s over the run", Better.LOWER, results,
                r -> r.server().map(ConnectionsProfile.ServerCost::cpuSeconds)));
        rows.add(row("errors", Better.NO_RATIO, results, r -> Optional.of((double) r.errors())));
        return rows;
    }

    static List<Row> joinStormRows(Map<Peer, JoinStormProfile.Result> results) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("joins/s with history", Better.HIGHER, results, r -> Optional.of(r.joins().perSecond())));
        rows.add(row("join p50 ms", Better.LOWER, results, r -> Optional.of(r.joinLatency().p50())));
        rows.add(row("join p99 ms", Better.LOWER, results, r -> Optional.of(r.joinLatency().p99())));
        rows.add(row("join max ms", Better.LOWER, results, r -> Optional.of(r.joinLatency().max())));
        rows.add(row("history messages per join", Better.NO_RATIO, results, r -> Optional.of(r.meanHistory())));
        rows.add(row("logins/s", Better.HIGHER, results, r -> Optional.of(r.logins().perSecond())));
        rows.add(row("server CPU s over the storm", Better.LOWER, results, JoinStormProfile.Result::serverCpuSeconds));
        rows.add(row("errors", Better.NO_RATIO, results, r -> Optional.of((double) r.errors())));
        return rows;
    }

    static List<Row> lyncRows(Map<Peer, LyncModelProfile.Result> results) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("room memberships", Better.NO_RATIO, results, r -> Optional.of((double) r.memberships())));
        rows.add(row("joins/s", Better.HIGHER, results, r -> Optional.of(r.joins().perSecond())));
        rows.add(row("deliveries/s", Better.NO_RATIO, results, r -> Optional.of(r.deliveries())));
        rows.add(row("p50 ms", Better.LOWER, results, r -> Optional.of(r.latency().p50())));
        rows.add(row("p99 ms", Better.LOWER, results, r -> Optional.of(r.latency().p99())));
        rows.add(row("server CPU %", Better.LOWER, results,
                r -> present(r.serverCpuShare()).map(cpu -> cpu * 100)));
        rows.add(row("errors", Better.NO_RATIO, results, r -> Optional.of((double) r.errors())));
        return rows;
    }

    /** The step with the most deliveries/s among those under the saturation limits. */
    static Optional<FanoutProfile.Step> best(FanoutProfile.Result result) {
        return result.steps().stream().filter(s -> !s.saturated())
                .max((a, b) -> Double.compare(a.deliveries(), b.deliveries()));
    }

    /** The fastest step offering at most half of what the best one offered: the "half the saturation rate". */
    static Optional<FanoutProfile.Step> halfOfBest(FanoutProfile.Result result) {
        return best(result).flatMap(best -> result.steps().stream()
                .filter(s -> s.offered() <= best.offered() / 2 + 1e-9)
                .max((a, b) -> Double.compare(a.offered(), b.offered())));
    }

    private static Optional<FanoutProfile.Step> step(FanoutProfile.Result result, double rate) {
        return result.steps().stream().filter(s -> s.perOccupant() == rate).findFirst();
    }

    private static <R> Row row(String label, Better better, Map<Peer, R> results,
                               Function<R, Optional<Double>> value) {
        Map<Peer, OptionalDouble> values = new LinkedHashMap<>();
        results.forEach((peer, result) -> values.put(peer,
                value.apply(result).map(OptionalDouble::of).orElse(OptionalDouble.empty())));
        return new Row(label, better, values);
    }

    private static void print(PrintStream out, LoadOptions options, List<Peer> peers, List<Row> rows) {
        List<Peer> others = peers.contains(Peer.PERCH) ? peers.stream().filter(p -> p != Peer.PERCH).toList()
                : List.of();
        out.printf(Locale.ROOT, "%nside by side: profile %s, %s; ratios are how many times better Perch did"
                + " (above 1: Perch better)%n", options.profile(), switch (options.profile()) {
                    case "fanout" -> options.rooms() + " rooms × " + options.occupants() + " occupants";
                    case "auditorium" -> options.presenters() + " presenters and " + options.sessions() + " visitors";
                    case "lync" -> "Lync's user model at 1:" + options.scale();
                    default -> options.sessions() + " sessions in " + options.rooms() + " rooms";
                });
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-44s", ""));
        peers.forEach(p -> header.append(String.format(Locale.ROOT, "%12s", p)));
        others.forEach(p -> header.append(String.format(Locale.ROOT, "%14s", "Perch:" + p)));
        out.println(header);
        for (Row row : rows) {
            if (row.values().values().stream().allMatch(OptionalDouble::isEmpty)) {
                continue; // a rate no server was offered: every step before it saturated
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", row.label()));
            peers.forEach(p -> line.append(String.format(Locale.ROOT, "%12s",
                    format(row.values().getOrDefault(p, OptionalDouble.empty()), 1))));
            others.forEach(p -> line.append(String.format(Locale.ROOT, "%14s",
                    row.perchAdvantageOver(p).isPresent() ? format(row.perchAdvantageOver(p), 2) + "×" : "-")));
            out.println(line);
        }
        out.flush();
    }

    private static <R extends ProfileResult> Map<Peer, R> narrow(Map<Peer, ProfileResult> results, Class<R> type) {
        Map<Peer, R> narrowed = new LinkedHashMap<>();
        results.forEach((peer, result) -> narrowed.put(peer, type.cast(result)));
        return narrowed;
    }

    private static Optional<Double> present(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static String format(OptionalDouble value, int places) {
        return value.isPresent() ? decimal(value.getAsDouble(), places) : "-";
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%,." + places + "f", value);
    }
}
