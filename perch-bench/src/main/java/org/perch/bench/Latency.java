package org.perch.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in nanoseconds, in milliseconds: what the delivery benchmarks report. */
public record Latency(long count, double p50, double p90, double p99, double max) {

    public static Latency of(Histogram nanos) {
        return new Latency(nanos.getTotalCount(), millis(nanos.getValueAtPercentile(50)),
                millis(nanos.getValueAtPercentile(90)), millis(nanos.getValueAtPercentile(99)),
                millis(nanos.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
