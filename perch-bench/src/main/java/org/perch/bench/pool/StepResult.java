package org.perch.bench.pool;

import org.perch.bench.Latency;

/**
 * One step of a configuration, over its measured window: the offered rate (messages/s over all rooms), what arrived,
 * the post→delivery latencies, and the cost per message.
 *
 * @param achieved   messages/s that reached their room's observer within the window
 * @param deliveries deliveries/s to all occupants within the window
 * @param errors     error stanzas, failed sends and lost connections within the window
 * @param timeouts   messages posted from the window's start until the poster stopped (just after its end) that had
 *                   not reached their observer {@value DeliverySteps#DRAIN_SECONDS} s later
 */
record StepResult(int offered, double seconds, double achieved, double deliveries, Latency latency, long errors,
                  long timeouts, Cost cost) {

    /** Above this p99, or below this share of the offered rate achieved, the configuration is saturated. */
    static final double P99_LIMIT_MILLIS = 100;
    static final double MIN_ACHIEVED_SHARE = 0.9;

    /**
     * What one achieved message cost; NaN where nothing was measured (no PostgreSQL in the embedded configuration,
     * or no message arrived).
     *
     * @param serverCpu   CPU µs of the server processes
     * @param postgresCpu CPU µs of the PostgreSQL processes
     * @param clientCpu   CPU µs of the bench's own JVM (clients, poster)
     * @param commits     committed transactions in the bench's database
     * @param inserted    rows inserted into the bench's database
     */
    record Cost(double serverCpu, double postgresCpu, double clientCpu, double commits, double inserted) {

        /** The servers' and PostgreSQL's CPU: what more servers of a pool share out. */
        double serverAndDatabaseCpu() {
            return serverCpu + (Double.isNaN(postgresCpu) ? 0 : postgresCpu);
        }
    }

    boolean saturated() {
        return latency.p99() > P99_LIMIT_MILLIS || achieved < MIN_ACHIEVED_SHARE * offered;
    }
}
