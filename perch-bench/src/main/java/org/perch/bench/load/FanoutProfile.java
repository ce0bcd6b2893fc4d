package org.perch.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.perch.bench.Latency;

/**
 * Fan-out (issue 7, workload b): R rooms of M occupants, every occupant posting at λ messages/s, λ stepping up until
 * the server saturates. Each step posts through a warm-up and then a measured window; every occupant of a room gets
 * every message (its own too, as MUC reflects it), so a message arrives M times, and "achieved" is deliveries/s
 * divided by the occupants per room. Then every room's first occupant fetches a MAM page.
 */
final class FanoutProfile {

    /** Above this p99, or below this share of the offered rate achieved, the server is saturated. */
    static final double P99_LIMIT_MILLIS = 100;
    static final double MIN_ACHIEVED_SHARE = 0.9;

    /**
     * @param perOccupant messages/s each occupant was to post
     * @param offered     messages/s over all rooms
     * @param achieved    deliveries/s divided by the occupants per room: messages/s that reached their rooms
     */
    record Step(double perOccupant, double offered, double sent, double deliveries, double achieved,
                Latency latency, long errors, OptionalDouble serverCpuShare, OptionalLong serverRssKib) {

        boolean saturated() {
            return latency.p99() > P99_LIMIT_MILLIS || achieved < MIN_ACHIEVED_SHARE * offered;
        }
    }

    /** The MAM queries: how many answered with {@code <fin/>}, how many messages a page held on average, how long. */
    record MamPages(int answered, int failed, double meanMessages, Latency latency) {
    }

    record Result(int rooms, int occupants, int joined, Population.Phase logins, Population.Phase joins,
                  List<Step> steps, Optional<MamPages> mam, long errors, Map<String, Long> errorKinds)
            implements ProfileResult {
    }

    private FanoutProfile() {
    }

    static Result run(LoadRun run) throws InterruptedException {
        LoadOptions o = run.options();
        Population population = Population.join(run, o.rooms() * o.occupants(), o.rooms());
        run.report().joined(population);
        List<List<XmppSession>> rooms = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int r = 0; r < o.rooms(); r++) {
            if (!population.rooms().get(r).isEmpty()) {
                rooms.add(population.rooms().get(r));
                addresses.add(run.target().room(r));
            }
        }
        List<Step> steps = rooms.isEmpty() ? List.of() : stepUp(run, new GroupchatPoster(rooms, addresses),
                population.joined(), (double) population.joined() / rooms.size());
        Optional<MamPages> mam = o.mamPage() == 0 || rooms.isEmpty() ? Optional.empty()
                : Optional.of(mamPages(run, rooms, addresses));
        LoadProbe.Counts counts = run.probe().counts();
        return new Result(o.rooms(), o.occupants(), population.joined(), population.logins(), population.joins(),
                steps, mam, counts.errors(), run.probe().errorKinds());
    }

    /**
     * Posts at each of the options' rates in turn, until a step saturates. First it posts at the first rate for
     * {@code --settle} seconds, measuring nothing: a server that just started in a JVM of its own is still compiling
     * its hot paths then, which would count against it in the first steps.
     *
     * @param posters sessions posting, each at the step's rate
     * @param perRoom sessions each message is delivered to
     */
    static List<Step> stepUp(LoadRun run, GroupchatPoster poster, int posters, double perRoom)
            throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        if (run.options().settleSeconds() > 0) {
            poster.start(run.options().rates().getFirst() * posters);
            try {
                Thread.sleep(run.options().settleSeconds() * 1_000L);
            } finally {
                poster.stop();
            }
        }
        run.report().fanoutHeader();
        for (double rate : run.options().rates()) {
            Step step = step(run, poster, rate, posters, perRoom);
            run.report().step(step);
            steps.add(step);
            if (step.saturated()) {
                break;
            }
        }
        return steps;
    }

    private static Step step(LoadRun run, GroupchatPoster poster, double perOccupant, int occupants, double perRoom)
            throws InterruptedException {
        double offered = perOccupant * occupants;
        poster.start(offered);
        MeasuredWindow window = MeasuredWindow.of(run, List.of(poster), run.options().warmupSeconds());
        double deliveries = window.perSecond(window.counts().deliveries());
        return new Step(perOccupant, offered, window.perSecond(window.counts().sent()), deliveries,
                deliveries / perRoom, Latency.of(window.latencies()), window.counts().errors(),
                window.serverCpuShare(), window.serverRssKib());
    }

    private static MamPages mamPages(LoadRun run, List<List<XmppSession>> rooms, List<String> addresses)
            throws InterruptedException {
        Recorder latencies = new Recorder(3);
        LongAdder messages = new LongAdder();
        InFlight.Batch<Integer> pages = run.inFlight().run("MAM query", rooms.size(), r -> {
            long start = System.nanoTime();
            return rooms.get(r).getFirst().mamPage(addresses.get(r), run.options().mamPage())
                    .whenComplete((count, failure) -> {
                        if (failure == null) {
                            latencies.recordValue(System.nanoTime() - start);
                            messages.add(count);
                        }
                    });
        });
        int answered = rooms.size() - pages.failures();
        return new MamPages(answered, pages.failures(), answered == 0 ? 0 : messages.sum() / (double) answered,
                Latency.of(latencies.getIntervalHistogram()));
    }
}
