package org.perch.cluster.failover;

import java.util.Objects;

/**
 * One step of a failover or failback as it ends.
 *
 * @param number its place in the procedure, from 1
 * @param of how many steps the procedure has
 * @param title what it does, in words
 * @param outcome whether it did its work, found it done by an earlier run, or stopped the procedure
 * @param detail what it found or did, or why it stopped
 */
public record StepReport(int number, int of, String title, Outcome outcome, String detail) {

    public enum Outcome {
        DONE("done"),
        ALREADY_DONE("already done"),
        STOPPED("stopped");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public StepReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code [3/5] promote the backup store: done: 10.0.9.1:5432 accepts writes}. */
    @Override
    public String toString() {
        return "[" + number + "/" + of + "] " + title + ": " + outcome.word() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
