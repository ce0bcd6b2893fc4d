package org.perch.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the steps of a synthetic transaction in order, each timed and held to the time limit: once one fails, the
 * rest are reported as skipped. A step that overruns is interrupted (Smack then gives up its wait) and fails.
 */
final class Steps implements AutoCloseable {

    /** What a step does; it returns what it found, for the report, and throws to fail. */
    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    /** One try at a step, not yet reported: how long it took, and what it found or why it failed. */
    record Attempt(long millis, String detail, boolean ok) {
    }

    private final Duration limit;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private final List<StepResult> results = new ArrayList<>();

    Steps(Duration limit) {
        this.limit = limit;
    }

    /** Runs and reports the step, or reports it skipped after a failure. */
    void run(String step, Body body) {
        if (failed()) {
            results.add(StepResult.skipped(step));
        } else {
            report(step, attempt(body));
        }
    }

    /** Runs the body within the time limit without reporting it, for a caller that may try again. */
    Attempt attempt(Body body) {
        long began = System.nanoTime();
        Future<String> work = runner.submit(body::run);
        try {
            String detail = work.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Attempt(since(began), detail == null ? "" : detail, true);
        } catch (TimeoutException e) {
            work.cancel(true);
            return new Attempt(since(began), "no answer within " + limit.toSeconds() + " s", false);
        } catch (ExecutionException e) {
            return new Attempt(since(began), Failures.describe(e.getCause(), limit), false);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(since(began), "interrupted", false);
        }
    }

    void report(String step, Attempt attempt) {
        results.add(new StepResult(step, attempt.ok() ? StepResult.Result.ok : StepResult.Result.failed,
                attempt.millis(), attempt.detail()));
    }

    void skip(String step) {
        results.add(StepResult.skipped(step));
    }

    boolean failed() {
        return firstFailure().isPresent();
    }

    Optional<StepResult> firstFailure() {
        return results.stream().filter(StepResult::failed).findFirst();
    }

    List<StepResult> results() {
        return List.copyOf(results);
    }

    private static long since(long began) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
