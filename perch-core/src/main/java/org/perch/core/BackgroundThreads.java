package org.perch.core;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the background threads that write to files and databases. */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /**
     * Cancels the executor's future runs and waits up to {@code wait} for a running one to finish. It never
     * interrupts it: an interrupt during file I/O closes the file's channel, after which H2 fails for good.
     *
     * @return whether the executor stopped in time
     */
    public static boolean stop(ExecutorService executor, Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
