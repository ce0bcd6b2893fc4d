package org.perch.bench.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.perch.bench.Latency;

/**
 * Join storm with history (issue 7, workload c): every room gets {@code --history} messages from its first
 * occupant, then {@code --sessions} other sessions log in and join at once ({@code --concurrency} joins in flight),
 * each asking for the last {@code --history} messages. A join counts from its presence to the room's subject, which
 * ends the history (XEP-0045 §7.2.15-16); what it measures is joins/s, the join latency, and whether every joiner got
 * the whole history.
 */
final class JoinStormProfile {

    /**
     * @param meanHistory history messages a join brought, on average
     * @param shortHistory joins that brought fewer than asked for
     * @param serverCpuSeconds the server's CPU over the storm
     */
    record Result(int rooms, int sessions, int history, Population.Phase logins, Population.Phase joins,
                  Latency joinLatency, double meanHistory, int shortHistory, Optional<Double> serverCpuSeconds,
                  long errors, Map<String, Long> errorKinds) implements ProfileResult {
    }

    private JoinStormProfile() {
    }

    static Result run(LoadRun run) throws InterruptedException {
        LoadOptions o = run.options();
        seed(run, o.rooms(), o.history());

        InFlight.Batch<XmppSession> logins = run.inFlight().run("login", o.sessions(),
                i -> run.engine().login(run.accounts().forSession(o.rooms() + i), "storm-" + i));
        Recorder latencies = new Recorder(3);
        LongAdder historyReceived = new LongAdder();
        LongAdder shortHistory = new LongAdder();
        Optional<ServerProcess.Reading> before = run.server().map(ServerProcess::read);
        InFlight.Batch<AwaitedReplies.Joined> joins = run.inFlight().run("join", o.sessions(), i -> {
            Optional<XmppSession> session = logins.results().get(i);
            if (session.isEmpty()) {
                return CompletableFuture.failedFuture(
                        new SessionException("not logged in", "session " + i));
            }
            long start = System.nanoTime();
            return session.get().join(run.target().room(i % o.rooms()), "j" + i, o.history())
                    .whenComplete((joined, failure) -> {
                        if (failure == null) {
                            latencies.recordValue(System.nanoTime() - start);
                            historyReceived.add(joined.history());
                            if (joined.history() < o.history()) {
                                shortHistory.increment();
                            }
                        }
                    });
        });
        Optional<Double> cpu = run.server().map(s -> (s.read().cpuMicros() - before.orElseThrow().cpuMicros()) / 1e6);
        int joined = o.sessions() - joins.failures();
        LoadProbe.Counts counts = run.probe().counts();
        return new Result(o.rooms(), o.sessions(), o.history(),
                Population.Phase.of(logins), Population.Phase.of(joins),
                Latency.of(latencies.getIntervalHistogram()),
                joined == 0 ? 0 : historyReceived.sum() / (double) joined, shortHistory.intValue(), cpu,
                counts.errors(), run.probe().errorKinds());
    }

    /**
     * One session per room creates or joins it and posts {@code history} messages; returns once each has come back
     * to its poster (MUC reflects a message once the room has taken it), so the history is there to replay. The
     * seeders stay in their rooms through the storm.
     */
    private static void seed(LoadRun run, int rooms, int history) throws InterruptedException {
        Population seeders = Population.join(run, rooms, rooms);
        long expected = run.probe().counts().deliveries() + (long) seeders.joined() * history;
        for (int k = 0; k < history; k++) {
            for (int r = 0; r < rooms; r++) {
                for (XmppSession seeder : seeders.rooms().get(r)) {
                    seeder.groupchat(run.target().room(r), "t=" + System.nanoTime() + " seed " + k);
                }
            }
        }
        long deadline = System.nanoTime() + run.options().timeoutSeconds() * 1_000_000_000L;
        while (run.probe().counts().deliveries() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rooms' history was not stored within --timeout: "
                        + run.probe().counts().deliveries() + " of " + expected + " seed messages came back");
            }
            Thread.sleep(50);
        }
        System.out.printf("joinstorm: %d rooms hold %d new messages each%n", seeders.joined(), history);
    }
}
