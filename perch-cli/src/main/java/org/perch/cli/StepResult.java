package org.perch.cli;

import java.util.Objects;

/**
 * One step of {@code perch test message} as reported: whether it passed, failed or was not run (a step before it
 * failed), how long it took, and what it found or why it failed.
 *
 * @param step what the step does, in words ("receiver joins")
 * @param result its outcome
 * @param millis how long it took; 0 when skipped
 * @param detail what it found (a JID, a room) or why it failed; empty when there is nothing to say
 */
record StepResult(String step, Result result, long millis, String detail) {

    enum Result { ok, failed, skipped }

    StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    static StepResult skipped(String step) {
        return new StepResult(step, Result.skipped, 0, "");
    }

    boolean failed() {
        return result == Result.failed;
    }
}
