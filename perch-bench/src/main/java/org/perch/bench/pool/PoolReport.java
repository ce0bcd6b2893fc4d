package org.perch.bench.pool;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.perch.bench.PersistRate;

/** What {@link PoolDelivery} prints: the setting, a table per configuration (a row per step), a comparison. */
final class PoolReport {

    private static final String COLUMNS = "%8s %9s %9s %8s %8s %8s %8s %7s %8s %10s %9s %10s %10s %8s%n";
    private static final String COMPARISON = "%-13s %7s %16s %8s %10s %9s %10s %10s %8s%n";

    private final PrintStream out;

    PoolReport(PrintStream out) {
        this.out = out;
    }

    void header(PoolOptions options, Machine machine) {
        out.printf(Locale.ROOT, "pool: %s; load average %s%n", machine, PersistRate.loadAverage());
        out.printf(Locale.ROOT, "pool: %d rooms × %d occupants (%d connections, all in this JVM), servers in JVMs of"
                        + " their own (%s); %d s warm-up and %d s measured per step%n", options.rooms(),
                options.occupants(), options.accounts(), BenchServerProcess.HEAP, options.warmupSeconds(),
                options.measureSeconds());
        out.println("pool: latency = from when a post was due (open loop) to its delivery to an occupant, over every"
                + " delivery in the window; achieved = messages that reached their room's observer (its last"
                + " occupant) in the window");
        out.println("pool: CPU µs per achieved message, from /proc: srv = the server processes; pg = every process"
                + " named postgres (this assumes one PostgreSQL on the machine, the bench's own); cli = this JVM"
                + " (clients and poster); commit/rows = pg_stat_database of the bench database per message; what a"
                + " process spends regardless of messages (timers, the JIT warming up) is spread over them too, so"
                + " the costs fall as the rate rises");
        out.printf(Locale.ROOT, "pool: a step saturates at p99 > %.0f ms or under %.0f%% of the offered rate"
                        + " achieved; timeouts = messages not at their observer %d s after the poster stopped%n",
                StepResult.P99_LIMIT_MILLIS, StepResult.MIN_ACHIEVED_SHARE * 100, DeliverySteps.DRAIN_SECONDS);
    }

    void configuration(Configuration configuration, String database, Occupants occupants, double setupSeconds) {
        out.printf(Locale.ROOT, "%n=== %s: %s (%s); %d occupants joined in %.1f s; load average %s%n",
                configuration.name(), configuration.describe(), database, occupants.count(), setupSeconds,
                PersistRate.loadAverage());
        if (occupants.joinsRefusedMillis() > 0) {
            out.printf(Locale.ROOT, "%s: joins were refused as members only, and retried, for up to %d ms: until"
                    + " their server read from the feed that the room was made Open through another%n",
                    configuration.name(), occupants.joinsRefusedMillis());
        }
        out.printf(Locale.ROOT, COLUMNS, "offered", "achieved", "deliv/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "errors", "timeouts", "srv µs/msg", "pg µs/msg", "cli µs/msg", "commit/msg", "rows/msg");
    }

    void step(StepResult s) {
        out.printf(Locale.ROOT, COLUMNS, count(s.offered()), decimal(s.achieved(), 1), count(s.deliveries()),
                decimal(s.latency().p50(), 2), decimal(s.latency().p90(), 2), decimal(s.latency().p99(), 2),
                decimal(s.latency().max(), 1), s.errors(), s.timeouts(), decimal(s.cost().serverCpu(), 0),
                decimal(s.cost().postgresCpu(), 0), decimal(s.cost().clientCpu(), 0), decimal(s.cost().commits(), 2),
                decimal(s.cost().inserted(), 2));
        out.flush();
    }

    void summary(ConfigurationResult result) {
        String why;
        if (!result.saturated()) {
            why = "did not saturate within the rates offered";
        } else if (result.lastGood().isEmpty()) {
            why = "the first step saturated";
        } else {
            why = "the last step before one saturated";
        }
        out.printf(Locale.ROOT, "%s: saturation %s msg/s (%s); load average %s%n", result.configuration().name(),
                saturation(result), why, PersistRate.loadAverage());
    }

    /**
     * Each configuration's saturation rate, and its latency and costs at one rate that every configuration took,
     * the highest such; then each configuration against the one before it.
     */
    void comparison(List<ConfigurationResult> results) {
        OptionalInt common = results.getFirst().steps().stream().mapToInt(StepResult::offered)
                .filter(rate -> results.stream().allMatch(r -> r.goodAt(rate).isPresent())).max();
        out.printf(Locale.ROOT, "%n=== comparison: saturation, and at %s%n", common.isPresent()
                ? String.format(Locale.ROOT, "%,d msg/s (the highest rate every configuration took) p99 and cost per"
                        + " message", common.getAsInt()) : "no rate every configuration took: no common p99 or cost");
        out.printf(Locale.ROOT, COMPARISON, "configuration", "servers", "saturation msg/s", "p99 ms", "srv µs/msg",
                "pg µs/msg", "cli µs/msg", "commit/msg", "rows/msg");
        for (ConfigurationResult r : results) {
            Optional<StepResult> at = common.isPresent() ? r.goodAt(common.getAsInt()) : Optional.empty();
            out.printf(Locale.ROOT, COMPARISON, r.configuration().name(), r.configuration().servers(), saturation(r),
                    at.map(s -> decimal(s.latency().p99(), 2)).orElse("-"),
                    at.map(s -> decimal(s.cost().serverCpu(), 0)).orElse("-"),
                    at.map(s -> decimal(s.cost().postgresCpu(), 0)).orElse("-"),
                    at.map(s -> decimal(s.cost().clientCpu(), 0)).orElse("-"),
                    at.map(s -> decimal(s.cost().commits(), 2)).orElse("-"),
                    at.map(s -> decimal(s.cost().inserted(), 2)).orElse("-"));
        }
        for (int i = 1; i < results.size(); i++) {
            ratios(results.get(i), results.get(i - 1), common);
        }
    }

    private void ratios(ConfigurationResult a, ConfigurationResult b, OptionalInt common) {
        // A ratio only of two rates both known: a configuration that did not saturate could take more.
        String saturation = a.saturated() && b.saturated() && a.lastGood().isPresent() && b.lastGood().isPresent()
                ? "×" + decimal((double) a.lastGood().get().offered() / b.lastGood().get().offered(), 2) : "-";
        String p99 = "-";
        String cpu = "-";
        if (common.isPresent()) {
            StepResult x = a.goodAt(common.getAsInt()).orElseThrow();
            StepResult y = b.goodAt(common.getAsInt()).orElseThrow();
            p99 = "×" + decimal(x.latency().p99() / y.latency().p99(), 2);
            cpu = "×" + decimal(x.cost().serverAndDatabaseCpu() / y.cost().serverAndDatabaseCpu(), 2);
        }
        out.printf(Locale.ROOT, "%s vs %s: saturation %s, p99 %s, server+PostgreSQL CPU per message %s%n",
                a.configuration().name(), b.configuration().name(), saturation, p99, cpu);
    }

    private static String saturation(ConfigurationResult r) {
        Optional<StepResult> good = r.lastGood();
        if (good.isEmpty()) {
            return "< " + count(r.steps().getFirst().offered());
        }
        return (r.saturated() ? "" : "≥ ") + count(good.get().offered());
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String decimal(double value, int places) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%,." + places + "f", value);
    }
}
