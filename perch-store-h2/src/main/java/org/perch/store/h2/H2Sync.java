package org.perch.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.perch.core.BackgroundThreads;
import org.perch.store.jdbc.CommitBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts H2's file on disk: after every write the store makes ({@link #BARRIER}), and once a second for the pages
 * H2's background writer moves on its own ({@link #start()}).
 *
 * <p>Why both. H2 (MVStore) has no write-ahead log: a commit is durable once the chunk holding it is written and
 * fsynced. {@code CHECKPOINT SYNC} does both. Between writes, H2's background thread compacts the file, rewriting
 * live pages into new chunks and later overwriting the chunks they left, which it does only once they are older
 * than {@link H2Store#RETENTION_MILLIS}; syncing every second keeps every such rewrite on disk long before the
 * space it freed can be reused, so a power cut leaves a consistent file.
 */
final class H2Sync implements AutoCloseable {

    static final long PERIOD_MILLIS = 1_000;
    static final CommitBarrier BARRIER = H2Sync::checkpoint;
    private static final Logger LOG = LoggerFactory.getLogger(H2Sync.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private boolean failing;

    H2Sync(DataSource dataSource) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("perch-h2-sync").daemon()
                .factory());
    }

    /** Syncs the database every {@value #PERIOD_MILLIS} ms from now until closed. */
    void start() {
        timer.scheduleWithFixedDelay(this::syncOnce, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    private void syncOnce() {
        try (Connection c = dataSource.getConnection()) {
            checkpoint(c);
            if (failing) {
                failing = false;
                LOG.info("The H2 store syncs to disk again");
            }
        } catch (SQLException | RuntimeException e) {
            // Said once per outage, not every second; every write meanwhile fails loudly on its own barrier.
            if (!failing) {
                failing = true;
                LOG.warn("Could not sync the H2 store to disk (SQLState {}); retrying every {} ms",
                        e instanceof SQLException sql ? sql.getSQLState() : "-", PERIOD_MILLIS, e);
            }
        }
    }

    @Override
    public void close() {
        if (!BackgroundThreads.stop(timer, Duration.ofSeconds(10))) {
            LOG.warn("The H2 sync thread did not stop within 10 s");
        }
    }
}
