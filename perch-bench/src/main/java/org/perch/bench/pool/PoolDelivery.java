package org.perch.bench.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * Room messages through real Perch servers, for the pool's benchmark: messages/s and post→delivery latency with one
 * server on its embedded store, and with one and with two servers of a pool over PostgreSQL (ADR 0004: every
 * message stored with a feed row, and delivered by each server when it reads the feed back), plus the CPU and
 * database cost per message, from which a larger pool can be projected.
 *
 * <p>Per configuration: fresh servers, each in a JVM of its own ({@link BenchServerProcess}); a fresh PostgreSQL
 * database for a pool; {@code --rooms} Open rooms of {@code --occupants} Smack clients, spread over the servers
 * ({@link Occupants}). Then steps of rising offered rate, posted open loop through every server
 * ({@link OpenLoopPoster}), each measured over a window ({@link DeliverySteps}), until one saturates.
 *
 * <pre>java -cp benchmarks.jar org.perch.bench.pool.PoolDelivery [--configs embedded,pool-1,pool-2] [--rooms 20]
 *     [--occupants 10] [--rates 100,200,400,…] [--warmup 5] [--measure 20]</pre>
 */
public final class PoolDelivery {

    private PoolDelivery() {
    }

    public static void main(String[] args) throws Exception {
        PoolOptions options = PoolOptions.parse(args);
        // Flyway, Hikari and the topology publication log through slf4j-simple; their INFO lines would drown the table.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PoolReport report = new PoolReport(System.out);
        report.header(options, Machine.current());
        List<ConfigurationResult> results = new ArrayList<>();
        for (Configuration configuration : options.configurations()) {
            results.add(measure(configuration, options, report));
        }
        report.comparison(results);
    }

    private static ConfigurationResult measure(Configuration configuration, PoolOptions options, PoolReport report)
            throws Exception {
        long began = System.nanoTime();
        DeliveryProbe probe = new DeliveryProbe();
        try (BenchDeployment deployment = BenchDeployment.start(configuration, options.accounts());
             DatabaseCounters database = DatabaseCounters.of(deployment.database());
             Occupants occupants = Occupants.join(deployment, options.rooms(), options.occupants(), probe)) {
            report.configuration(configuration, database.describe(), occupants, (System.nanoTime() - began) / 1e9);
            DeliverySteps steps = new DeliverySteps(deployment, occupants, probe, database, options);
            List<StepResult> done = new ArrayList<>();
            for (int rate : options.rates()) {
                StepResult step = steps.run(rate);
                report.step(step);
                done.add(step);
                if (step.saturated()) {
                    break;
                }
            }
            ConfigurationResult result = new ConfigurationResult(configuration, done);
            report.summary(result);
            return result;
        }
    }
}
