package org.perch.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Runs many asynchronous operations (logins, joins) with at most {@code limit} in flight: a server flooded with
 * thousands of simultaneous TLS handshakes measures its accept queue, not its logins. Each operation has a timeout;
 * a failed one is counted in the probe under {@code "<what> failed: <kind>"}.
 */
record InFlight(int limit, Duration timeout, LoadProbe probe) {

    /** What a batch did: each operation's result in order (empty where it failed), and the time it all took. */
    record Batch<T>(List<Optional<T>> results, int failures, double seconds) {
    }

    /** Runs operations 0 … count-1; returns when all have ended. */
    <T> Batch<T> run(String what, int count, IntFunction<CompletableFuture<T>> operation) throws InterruptedException {
        Semaphore permits = new Semaphore(limit);
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int progressEvery = Math.max(1_000, count / 10);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            int index = i;
            CompletableFuture<T> started;
            try {
                started = operation.apply(i);
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
                if (failure == null) {
                    results.set(index, value);
                } else {
                    failures.incrementAndGet();
                    probe.error(what + " failed: " + SessionException.kindOf(failure), String.valueOf(failure));
                }
                int ended = done.incrementAndGet();
                if (ended % progressEvery == 0 && ended < count) {
                    System.err.printf("load: %s %,d of %,d%n", what, ended, count);
                }
                permits.release();
            });
        }
        permits.acquire(limit);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Optional<T>> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(Optional.ofNullable(results.get(i)));
        }
        return new Batch<>(list, failures.get(), seconds);
    }
}
