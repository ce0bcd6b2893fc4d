package org.perch.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.perch.domain.files.FileSharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes files never posted once they are a day old (ADR 0007): at start, then every hour. */
final class FileSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileSweeper.class);
    private static final long EVERY_MINUTES = 60;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("perch-file-sweeper").daemon().factory());

    private FileSweeper() {
    }

    static FileSweeper start(FileSharing files) {
        FileSweeper sweeper = new FileSweeper();
        sweeper.timer.scheduleWithFixedDelay(() -> sweep(files), 0, EVERY_MINUTES, TimeUnit.MINUTES);
        return sweeper;
    }

    private static void sweep(FileSharing files) {
        try {
            int deleted = files.sweep();
            if (deleted > 0) {
                LOG.info("Deleted {} uploaded files that were never posted", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep the files never posted; trying again in {} minutes", EVERY_MINUTES, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
