package org.perch.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.perch.core.BackgroundThreads;
import org.perch.store.StoreException;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.ComplianceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance service: on one thread, moves captured events into the compliance database every
 * {@code moveEvery} (so the chat store's outbox stays small), and exports them every RunInterval. A failure is
 * logged and kept for {@link #status()}; the next run tries again, so nothing is lost while the compliance
 * database or the output directory is unavailable, only delayed.
 */
public final class ComplianceService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceService.class);

    private final ComplianceOutbox outbox;
    private final ComplianceRecord record;
    private final ComplianceMover mover;
    private final ComplianceExporter exporter;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "perch-compliance");
        t.setDaemon(true);
        return t;
    });
    private volatile Optional<Instant> lastRun = Optional.empty();
    private volatile Optional<String> lastError = Optional.empty();
    /** The compliance database's figures as {@link #status()} last read them. */
    private volatile RecordFigures lastRead = new RecordFigures(0, 0);

    private record RecordFigures(long exportBacklog, long lastExported) {
    }

    public ComplianceService(ComplianceOutbox outbox, ComplianceRecord record, ComplianceAdapter adapter,
                             Clock clock, int batchSize) {
        this.outbox = outbox;
        this.record = record;
        this.mover = new ComplianceMover(outbox, record, batchSize);
        this.exporter = new ComplianceExporter(record, adapter, clock, batchSize);
        this.clock = clock;
    }

    /** Starts moving every {@code moveEvery} and exporting every {@code runInterval}, the first export at once. */
    public ComplianceService start(Duration moveEvery, Duration runInterval) {
        thread.scheduleWithFixedDelay(this::moveQuietly, 0, moveEvery.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::runQuietly, 0, runInterval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Moves and exports everything now (perch compliance run-now), on the service's thread; waits for it. */
    public ComplianceStatus runNow() throws InterruptedException {
        try {
            thread.submit(this::runQuietly).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the compliance run failed", e.getCause());
        }
        return status();
    }

    /**
     * The backlogs and the last run. While the compliance database cannot be read, the outbox (in the chat store)
     * still counts what waits, the database's own figures are those last read, and {@code lastError} says why: an
     * operator asks for the status precisely while the database is down.
     */
    public ComplianceStatus status() {
        long waiting = outbox.size();
        RecordFigures figures;
        Optional<String> error = lastError;
        try {
            long exported = record.exportState().lastExportedSequence();
            figures = new RecordFigures(record.lastSequence() - exported, exported);
            lastRead = figures;
        } catch (StoreException e) {
            figures = lastRead;
            error = Optional.of("the compliance database cannot be read: " + e.getMessage());
        }
        return new ComplianceStatus(true, waiting, figures.exportBacklog(), figures.lastExported(), lastRun, error);
    }

    private void moveQuietly() {
        try {
            mover.moveAll();
        } catch (RuntimeException e) {
            LOG.warn("Could not move compliance events into the compliance database; will try again", e);
            lastError = Optional.of("moving events: " + e.getMessage());
        }
    }

    private void runQuietly() {
        try {
            mover.moveAll();
            long exported = exporter.runAll();
            lastError = Optional.empty();
            if (exported > 0) {
                LOG.info("Exported {} compliance events", exported);
            }
        } catch (Exception e) {
            LOG.warn("The compliance export failed; it runs again at the next interval", e);
            lastError = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            lastRun = Optional.of(clock.instant());
        }
    }

    @Override
    public void close() {
        if (!BackgroundThreads.stop(thread, Duration.ofSeconds(10))) {
            LOG.warn("The compliance service's run did not finish within 10 s; the next start redoes it");
        }
    }
}
