package org.perch.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the sessions saw, counted as it happens on the event loops: messages sent, deliveries with their post→delivery
 * latency, and errors by kind. Readers take the difference between two readings.
 */
final class LoadProbe {

    private final Recorder latencies = new Recorder(3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder errors = new LongAdder();
    /** Kinds are short fixed phrases (never an address), so the map stays small. */
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    /** Counters at one moment. */
    record Counts(long sent, long deliveries, long errors) {
        Counts minus(Counts earlier) {
            return new Counts(sent - earlier.sent, deliveries - earlier.deliveries, errors - earlier.errors);
        }
    }

    void sent() {
        sent.increment();
    }

    /** A groupchat message posted at {@code postedNanos} ({@link System#nanoTime}) reached a session. */
    void delivered(long postedNanos) {
        latencies.recordValue(Math.max(0, System.nanoTime() - postedNanos));
        deliveries.increment();
    }

    /** Counts an error; the first of each kind is also printed, with its detail, on standard error. */
    void error(String kind, String detail) {
        errors.increment();
        LongAdder count = errorKinds.computeIfAbsent(kind, k -> new LongAdder());
        count.increment();
        if (count.sum() == 1) {
            System.err.println("load: first error of kind '" + kind + "': " + detail);
        }
    }

    Counts counts() {
        return new Counts(sent.sum(), deliveries.sum(), errors.sum());
    }

    /** Errors so far by kind. */
    Map<String, Long> errorKinds() {
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return kinds;
    }

    /** The latencies (nanoseconds) recorded since the previous call. */
    Histogram latenciesSinceLastCall() {
        return latencies.getIntervalHistogram();
    }
}
