package org.perch.bench.pool;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients saw, counted as it happens (from Smack's reader threads): every delivery and its latency (post
 * to delivery, in nanoseconds), deliveries to each room's observer, and error stanzas or failed sends. A step reads
 * it at the start and at the end of its window and takes the difference.
 *
 * <p>For timeouts, the observers also count the messages from one sequence number on ({@link #track}): those posted
 * since a window began, which must each reach their room's observer once.
 */
final class DeliveryProbe {

    private final Recorder latencies = new Recorder(3);
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder observed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder tracked = new LongAdder();
    private volatile long trackFrom = Long.MAX_VALUE;

    /** Counters at one moment. */
    record Counts(long deliveries, long observed, long errors) {
        Counts minus(Counts earlier) {
            return new Counts(deliveries - earlier.deliveries, observed - earlier.observed, errors - earlier.errors);
        }
    }

    /** A message with sequence number {@code seq}, posted at {@code postedNanos}, reached an occupant. */
    void delivered(long seq, long postedNanos, boolean toObserver) {
        latencies.recordValue(Math.max(0, System.nanoTime() - postedNanos));
        deliveries.increment();
        if (toObserver) {
            observed.increment();
            if (seq >= trackFrom) {
                tracked.increment();
            }
        }
    }

    void error() {
        errors.increment();
    }

    Counts counts() {
        return new Counts(deliveries.sum(), observed.sum(), errors.sum());
    }

    /** The latencies recorded since the previous call. */
    Histogram latenciesSinceLastCall() {
        return latencies.getIntervalHistogram();
    }

    /** Starts counting afresh the observer deliveries of sequence numbers {@code from} and up. */
    void track(long from) {
        trackFrom = Long.MAX_VALUE;
        tracked.reset();
        trackFrom = from;
    }

    /** How many messages of the tracked sequence numbers reached their observer so far. */
    long trackedArrivals() {
        return tracked.sum();
    }
}
