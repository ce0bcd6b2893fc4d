package org.perch.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.net.ssl.SSLException;
import org.perch.bench.Latency;
import org.perch.bench.pool.ProcessCpu;

/**
 * Hostile clients (issue 9): what an attacker does to the well-behaved. R rooms × M occupants post at one open-loop
 * rate (the first of {@code --rates}, far from saturation) from start to end. After {@code --settle} seconds a
 * window of {@code --measure} seconds is the baseline; then each attack of {@code --attacks} in turn is started,
 * given {@code --settle} seconds, measured over a window like the baseline's, its server's heap read after a full GC
 * while it still runs, stopped, and followed by {@code --recovery} seconds of the well-behaved traffic alone; a last
 * window after all of them shows whether the server came back. Per window: the well-behaved post→delivery latency,
 * the share of their messages delivered, their errors, the server's CPU, RSS and heap, this generator's CPU; per
 * attack, what became of the attacker ({@link AttackOutcome}).
 *
 * <p>The attackers run on a {@link ClientEngine} of their own, with {@code --attack-threads} event loops (1 by
 * default) and their own probe, from {@code --attack-sources}: a flooder busy writing never holds up a well-behaved
 * session's reads on a shared event loop, and its counts never mix with theirs. They still share the machine's
 * CPUs with the well-behaved sessions and the server, which is why the generator's own CPU is reported per window.
 */
final class AbuseProfile {

    /**
     * One measured window.
     *
     * @param deliveredShare deliveries ÷ (messages sent × occupants per room): below 1 when messages are lost or
     *                       late beyond the window
     * @param errors         the well-behaved sessions' errors in the window, by kind in {@code errorKinds}
     * @param generatorCpuShare this process's CPU (well-behaved sessions, poster and attackers), share of one core
     * @param serverHeapKib  the server's heap after a full GC, taken after the window (the attack still running)
     * @param attack         what became of the attacker, for the windows of an attack
     */
    record PhaseResult(String name, Latency latency, double sent, double deliveries, double deliveredShare,
                       long errors, Map<String, Long> errorKinds, OptionalDouble serverCpuShare,
                       double generatorCpuShare, OptionalLong serverRssKib, OptionalLong serverHeapKib,
                       Optional<AttackOutcome> attack) {

        PhaseResult {
            errorKinds = Map.copyOf(errorKinds);
        }

        PhaseResult withAttack(AttackOutcome outcome) {
            return new PhaseResult(name, latency, sent, deliveries, deliveredShare, errors, errorKinds, serverCpuShare,
                    generatorCpuShare, serverRssKib, serverHeapKib, Optional.of(outcome));
        }
    }

    /**
     * @param perOccupant messages/s each well-behaved session posts
     * @param phases      the baseline first, then each attack, then the window after them all
     */
    record Result(int rooms, int occupants, int joined, Population.Phase logins, Population.Phase joins,
                  double perOccupant, AbuseOptions abuse, List<PhaseResult> phases, long errors,
                  Map<String, Long> errorKinds) implements ProfileResult {

        Result {
            phases = List.copyOf(phases);
        }

        Optional<PhaseResult> baseline() {
            return phases.isEmpty() ? Optional.empty() : Optional.of(phases.getFirst());
        }
    }

    static final String BASELINE = "baseline";
    static final String AFTER = "after all";

    private AbuseProfile() {
    }

    static Result run(LoadRun run) throws InterruptedException, SSLException {
        LoadOptions o = run.options();
        AbuseOptions abuse = o.abuse();
        int wellBehaved = o.rooms() * o.occupants();
        Population population = Population.join(run, wellBehaved, o.rooms());
        run.report().joined(population);
        List<List<XmppSession>> rooms = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int r = 0; r < o.rooms(); r++) {
            if (!population.rooms().get(r).isEmpty()) {
                rooms.add(population.rooms().get(r));
                addresses.add(run.target().room(r));
            }
        }
        double perOccupant = o.rates().getFirst();
        List<PhaseResult> phases = new ArrayList<>();
        if (!rooms.isEmpty()) {
            phases.addAll(phases(run, rooms, addresses, population.joined(), wellBehaved, perOccupant));
        }
        LoadProbe.Counts counts = run.probe().counts();
        return new Result(o.rooms(), o.occupants(), population.joined(), population.logins(), population.joins(),
                perOccupant, abuse, phases, counts.errors(),
                run.probe().errorKinds());
    }

    private static List<PhaseResult> phases(LoadRun run, List<List<XmppSession>> rooms, List<String> addresses,
                                            int joined, int wellBehavedAccounts, double perOccupant)
            throws InterruptedException, SSLException {
        LoadOptions o = run.options();
        AbuseOptions abuse = o.abuse();
        double perRoom = (double) joined / rooms.size();
        List<PhaseResult> phases = new ArrayList<>();
        LoadProbe attackerProbe = new LoadProbe();
        SourceAddresses attackSources = SourceAddresses.parse(abuse.attackSources());
        GroupchatPoster poster = new GroupchatPoster(rooms, addresses);
        try (ClientEngine attackers = ClientEngine.start(run.target(), run.ca(), o.sasl(), o.register(),
                attackSources, abuse.attackThreads(), attackerProbe)) {
            AttackContext context = new AttackContext(run, attackers, attackerProbe, attackSources, addresses,
                    wellBehavedAccounts);
            run.report().abuseHeader(perOccupant, perOccupant * joined, abuse);
            poster.start(perOccupant * joined);
            try {
                Thread.sleep(o.settleSeconds() * 1_000L);
                PhaseResult baseline = measure(run, BASELINE, perRoom);
                phases.add(baseline);
                run.report().abusePhase(baseline, baseline);
                for (AttackKind kind : abuse.attacks()) {
                    PhaseResult attacked = attack(run, Attack.of(kind, context), perRoom);
                    phases.add(attacked);
                    run.report().abusePhase(attacked, baseline);
                    Thread.sleep(abuse.recoverySeconds() * 1_000L);
                }
                PhaseResult after = measure(run, AFTER, perRoom);
                phases.add(after);
                run.report().abusePhase(after, baseline);
            } finally {
                poster.stop();
            }
        }
        return phases;
    }

    /** Starts the attack, lets it settle, measures, reads the server's heap, stops it: the attack's window. */
    private static PhaseResult attack(LoadRun run, Attack attack, double perRoom) throws InterruptedException {
        run.report().attackStarting(attack.kind(), run.options().abuse().size(attack.kind()));
        PhaseResult measured = null;
        try {
            attack.start();
            Thread.sleep(run.options().settleSeconds() * 1_000L);
            measured = measure(run, attack.kind().option(), perRoom);
        } finally {
            AttackOutcome outcome = attack.stop();
            if (measured != null) {
                measured = measured.withAttack(outcome);
            }
        }
        return measured;
    }

    /** A window of the well-behaved traffic, then the server's heap after a full GC (outside the window). */
    private static PhaseResult measure(LoadRun run, String name, double perRoom) throws InterruptedException {
        Map<String, Long> errorsBefore = run.probe().errorKinds();
        long self = ProcessHandle.current().pid();
        long cpuBefore = ProcessCpu.micros(self);
        long began = System.nanoTime();
        MeasuredWindow window = MeasuredWindow.of(run, List.of(), 0);
        double generatorCpu = (ProcessCpu.micros(self) - cpuBefore) * 1e3 / (System.nanoTime() - began);
        Map<String, Long> errorKinds = AttackContext.difference(run.probe().errorKinds(), errorsBefore);
        OptionalLong heap = run.server().map(ServerProcess::heapAfterGcKib).orElse(OptionalLong.empty());
        long sent = window.counts().sent();
        double deliveredShare = sent == 0 ? Double.NaN : window.counts().deliveries() / (sent * perRoom);
        return new PhaseResult(name, Latency.of(window.latencies()), window.perSecond(sent),
                window.perSecond(window.counts().deliveries()), deliveredShare, window.counts().errors(), errorKinds,
                window.serverCpuShare(), generatorCpu, window.serverRssKib(), heap, Optional.empty());
    }
}
