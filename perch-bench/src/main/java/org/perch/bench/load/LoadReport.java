package org.perch.bench.load;

import java.io.PrintStream;
import java.util.Locale;
import org.perch.bench.Latency;
import java.util.Map;
import java.util.OptionalLong;

/** The readable side of a run: a header, then per profile its figures as they come, then a summary. */
final class LoadReport {

    private static final String STEP_COLUMNS = "%9s %9s %9s %10s %9s %8s %8s %8s %8s %7s %9s %9s%n";
    private static final double KIB = 1024;

    private final PrintStream out;

    LoadReport(PrintStream out) {
        this.out = out;
    }

    void header(RunDescription run) {
        out.printf(Locale.ROOT, "load: %s; load average %s; started %s%n", run.machine(), run.loadAverage(),
                run.startedAt());
        out.printf(Locale.ROOT, "load: server %s, process %s%n", run.target(),
                run.serverPid().isPresent() ? Long.toString(run.serverPid().getAsLong()) : "unknown (no --server-pid)");
        out.printf(Locale.ROOT, "load: TLS %s; SASL %s; sources %s; accounts %s%n", run.tls(), run.sasl(),
                run.sources(), run.accounts());
        out.printf(Locale.ROOT, "load: command: %s%n", run.commandLine());
        out.flush();
    }

    void joined(Population population) {
        joined(population.logins(), population.joins());
    }

    void joined(Population.Phase logins, Population.Phase joins) {
        phase("logins", logins);
        phase("joins", joins);
        out.flush();
    }

    void fanoutHeader() {
        out.printf(Locale.ROOT, "fanout: latency from when a post was due (open loop) to each delivery; achieved ="
                + " deliveries/s ÷ occupants per room; saturated at p99 > %.0f ms or achieved < %.0f%% of offered%n",
                FanoutProfile.P99_LIMIT_MILLIS, FanoutProfile.MIN_ACHIEVED_SHARE * 100);
        out.printf(Locale.ROOT, STEP_COLUMNS, "λ/occ", "offered", "sent/s", "deliv/s", "achieved", "p50 ms",
                "p90 ms", "p99 ms", "max ms", "errors", "srv CPU%", "srv MiB");
    }

    void step(FanoutProfile.Step s) {
        out.printf(Locale.ROOT, STEP_COLUMNS, decimal(s.perOccupant(), 2), decimal(s.offered(), 1),
                decimal(s.sent(), 1), decimal(s.deliveries(), 0), decimal(s.achieved(), 1),
                decimal(s.latency().p50(), 2), decimal(s.latency().p90(), 2), decimal(s.latency().p99(), 2),
                decimal(s.latency().max(), 1), s.errors(),
                s.serverCpuShare().isPresent() ? decimal(s.serverCpuShare().getAsDouble() * 100, 0) : "-",
                s.serverRssKib().isPresent() ? decimal(s.serverRssKib().getAsLong() / KIB, 0) : "-");
        out.flush();
    }

    void abuseHeader(double perOccupant, double offered, AbuseOptions abuse) {
        out.printf(Locale.ROOT, "abuse: well-behaved sessions post %s msg/s each (%s msg/s in all) throughout;"
                        + " attackers from %s on %d event loop thread(s) of their own: %s%n",
                decimal(perOccupant, 2), decimal(offered, 1), abuse.attackSources(), abuse.attackThreads(),
                abuse.describe());
        out.println(AbuseTable.header());
        out.flush();
    }

    void attackStarting(AttackKind kind, int size) {
        out.printf(Locale.ROOT, "abuse: starting %s (%,d %s)…%n", kind.option(), size, kind.unit());
        out.flush();
    }

    void abusePhase(AbuseProfile.PhaseResult phase, AbuseProfile.PhaseResult baseline) {
        out.println(AbuseTable.row(phase, baseline));
        phase.attack().ifPresent(a -> out.println("        " + a.summary()));
        out.flush();
    }

    void result(ProfileResult result) {
        switch (result) {
            case AbuseProfile.Result r -> {
                AbuseTable.lines(r).forEach(out::println);
                errors(r.errors(), r.errorKinds());
            }
            case FanoutProfile.Result r -> fanout(r);
            case ConnectionsProfile.Result r -> connections(r);
            case JoinStormProfile.Result r -> joinStorm(r);
            case LyncModelProfile.Result r -> lync(r);
        }
    }

    private void lync(LyncModelProfile.Result r) {
        out.printf(Locale.ROOT, "lync: the model at 1:%d: %,d users, %,d room memberships%n", r.scale(), r.users(),
                r.memberships());
        for (LyncModelProfile.ClassResult c : r.classes()) {
            out.printf(Locale.ROOT, "lync: %-6s %,6d rooms of %,.0f on average, %.3f msg/s (%,.0f deliveries/s)%n",
                    c.name(), c.rooms(), c.meanOccupants(), c.offered(), c.deliveries());
        }
        Latency l = r.latency();
        out.printf(Locale.ROOT, "lync: %.2f msg/s sent, %,.0f deliveries/s; post→delivery p50 %.2f ms, p90 %.2f ms,"
                + " p99 %.2f ms, max %.1f ms%n", r.sent(), r.deliveries(), l.p50(), l.p90(), l.p99(), l.max());
        out.printf(Locale.ROOT, "lync: server CPU %s of a core, RSS %s MiB, heap after a full GC %s%n",
                r.serverCpuShare().isPresent() ? decimal(r.serverCpuShare().getAsDouble() * 100, 1) + "%" : "-",
                r.serverRssKib().isPresent() ? decimal(r.serverRssKib().getAsLong() / KIB, 0) : "-",
                r.serverHeapKib().isPresent() ? decimal(r.serverHeapKib().getAsLong() / KIB, 0) + " MiB ("
                        + decimal(r.serverHeapKib().getAsLong() / (double) r.users(), 1) + " KiB per user)" : "-");
        errors(r.errors(), r.errorKinds());
    }

    private void joinStorm(JoinStormProfile.Result r) {
        phase("storm logins", r.logins());
        phase("storm joins", r.joins());
        Latency l = r.joinLatency();
        out.printf(Locale.ROOT, "joinstorm: %,d sessions into %d rooms asking for %d messages of history: join"
                        + " (presence → subject) p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms%n", r.sessions(),
                r.rooms(), r.history(), l.p50(), l.p90(), l.p99(), l.max());
        out.printf(Locale.ROOT, "joinstorm: %.1f history messages per join; %d joins got fewer than %d%s%n",
                r.meanHistory(), r.shortHistory(), r.history(),
                r.serverCpuSeconds().map(cpu -> String.format(Locale.ROOT, "; server CPU %.1f s over the storm", cpu))
                        .orElse(""));
        errors(r.errors(), r.errorKinds());
    }

    private void fanout(FanoutProfile.Result r) {
        String saturation = r.steps().stream().filter(FanoutProfile.Step::saturated).findFirst()
                .map(s -> "saturated at " + decimal(s.offered(), 0) + " msg/s offered ("
                        + decimal(s.perOccupant(), 2) + " per occupant)")
                .orElse("not saturated within the rates offered");
        out.printf(Locale.ROOT, "fanout: %d rooms × %d occupants (%d joined); %s%n", r.rooms(), r.occupants(),
                r.joined(), saturation);
        r.mam().ifPresent(m -> out.printf(Locale.ROOT, "fanout: MAM pages: %d answered with <fin/>, %d failed,"
                        + " %.1f messages each; p50 %.2f ms, p99 %.2f ms, max %.1f ms%n", m.answered(), m.failed(),
                m.meanMessages(), m.latency().p50(), m.latency().p99(), m.latency().max()));
        errors(r.errors(), r.errorKinds());
    }

    private void connections(ConnectionsProfile.Result r) {
        out.printf(Locale.ROOT, "connections: %,d sessions in %d rooms: %,d joined, %,d held after %d s idle%n",
                r.sessions(), r.rooms(), r.joined(), r.held(), r.holdSeconds());
        if (r.held() == 0) {
            out.println("connections: no session held: no cost per session");
            errors(r.errors(), r.errorKinds());
            return;
        }
        int held = r.held();
        r.server().ifPresentOrElse(s -> {
            out.printf(Locale.ROOT, "connections: server RSS %s → %s MiB: %s KiB per session held%n",
                    decimal(s.rssBeforeKib() / KIB, 1), decimal(s.rssAfterKib() / KIB, 1),
                    decimal((s.rssAfterKib() - s.rssBeforeKib()) / (double) held, 1));
            out.printf(Locale.ROOT, "connections: server heap after full GC %s%n",
                    heap(s.heapBeforeKib(), s.heapAfterKib(), held));
            out.printf(Locale.ROOT, "connections: server CPU %.1f s over the run; %.1f%% of a core while idle%n",
                    s.cpuSeconds(), s.idleCpuShare() * 100);
        }, () -> out.println("connections: server memory and CPU unknown (no --server-pid)"));
        out.printf(Locale.ROOT, "connections: this generator's heap after full GC: %s KiB per session held%n",
                decimal(r.generatorHeapBytes() / KIB / held, 1));
        errors(r.errors(), r.errorKinds());
    }

    private void phase(String what, Population.Phase p) {
        out.printf(Locale.ROOT, "%s: %,d in %.1f s: %s/s; %d failed%n", what, p.attempted() - p.failed(),
                p.seconds(), decimal(p.perSecond(), 0), p.failed());
    }

    private void errors(long count, Map<String, Long> kinds) {
        out.printf(Locale.ROOT, "errors: %d%s%n", count, kinds.isEmpty() ? "" : " " + kinds);
        out.flush();
    }

    private static String heap(OptionalLong before, OptionalLong after, int held) {
        if (before.isEmpty() || after.isEmpty()) {
            return "unknown (not a JVM jcmd can attach to): RSS only";
        }
        return String.format(Locale.ROOT, "%s → %s MiB: %s KiB per session held",
                decimal(before.getAsLong() / KIB, 1), decimal(after.getAsLong() / KIB, 1),
                decimal((after.getAsLong() - before.getAsLong()) / (double) held, 1));
    }

    private static String decimal(double value, int places) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%,." + places + "f", value);
    }
}
