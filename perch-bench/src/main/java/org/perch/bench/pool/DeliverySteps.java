package org.perch.bench.pool;

import java.sql.SQLException;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.perch.bench.Latency;

/**
 * Runs the steps of one configuration: each posts at its rate through a warm-up and then a measured window, whose
 * start and end readings (deliveries, latencies, CPU of the servers, of PostgreSQL and of this JVM, database
 * counters) make the {@link StepResult}. After the window the poster stops and the step waits for the messages
 * posted since the window began to reach their observers; those still missing {@value #DRAIN_SECONDS} s after the
 * poster stopped are timeouts.
 */
final class DeliverySteps {

    static final int DRAIN_SECONDS = 10;

    private final BenchDeployment deployment;
    private final DeliveryProbe probe;
    private final OpenLoopPoster poster;
    private final DatabaseCounters database;
    private final long warmupMillis;
    private final long measureMillis;

    DeliverySteps(BenchDeployment deployment, Occupants occupants, DeliveryProbe probe, DatabaseCounters database,
                  PoolOptions options) {
        this.deployment = deployment;
        this.probe = probe;
        this.poster = new OpenLoopPoster(occupants, probe);
        this.database = database;
        this.warmupMillis = options.warmupSeconds() * 1_000L;
        this.measureMillis = options.measureSeconds() * 1_000L;
    }

    /** What the readings at one end of a window hold. */
    private record Reading(long nanos, DeliveryProbe.Counts counts, long serverCpu, long postgresCpu, long clientCpu,
                           Optional<DatabaseCounters.Activity> database) {
    }

    StepResult run(int rate) throws InterruptedException, SQLException {
        poster.start(rate);
        long first;
        Reading start;
        Reading end;
        Histogram latencies;
        try {
            Thread.sleep(warmupMillis);
            first = poster.nextSeq();
            probe.track(first);
            probe.latenciesSinceLastCall();
            start = read();
            Thread.sleep(measureMillis);
            latencies = probe.latenciesSinceLastCall();
            end = read();
        } finally {
            poster.stop();
        }
        long expected = poster.nextSeq() - first;
        return result(rate, start, end, latencies, expected - drain(expected));
    }

    private Reading read() throws SQLException {
        return new Reading(System.nanoTime(), probe.counts(), deployment.serverCpuMicros(),
                deployment.database().isPresent() ? ProcessCpu.postgresMicros() : 0, ProcessCpu.ownMicros(),
                database.read());
    }

    /** Waits until {@code expected} tracked messages arrived, or the drain time is up; returns how many did. */
    private long drain(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_SECONDS * 1_000_000_000L;
        while (probe.trackedArrivals() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return probe.trackedArrivals();
    }

    private StepResult result(int rate, Reading start, Reading end, Histogram latencies, long timeouts) {
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        DeliveryProbe.Counts counts = end.counts().minus(start.counts());
        double messages = counts.observed();
        Optional<DatabaseCounters.Activity> db = end.database().flatMap(e -> start.database().map(e::minus));
        StepResult.Cost cost = new StepResult.Cost((end.serverCpu() - start.serverCpu()) / messages,
                deployment.database().isPresent() ? (end.postgresCpu() - start.postgresCpu()) / messages : Double.NaN,
                (end.clientCpu() - start.clientCpu()) / messages,
                db.map(d -> d.commits() / messages).orElse(Double.NaN),
                db.map(d -> d.inserted() / messages).orElse(Double.NaN));
        return new StepResult(rate, seconds, messages / seconds, counts.deliveries() / seconds,
                Latency.of(latencies), counts.errors(), timeouts, cost);
    }
}
