package org.perch.bench.load;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in nanoseconds, in milliseconds. */
record Latency(long count, double p50, double p90, double p99, double max) {

    static Latency of(Histogram nanos) {
        return new Latency(nanos.getTotalCount(), millis(nanos.getValueAtPercentile(50)),
                millis(nanos.getValueAtPercentile(90)), millis(nanos.getValueAtPercentile(99)),
                millis(nanos.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
