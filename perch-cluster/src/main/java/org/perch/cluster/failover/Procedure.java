package org.perch.cluster.failover;

import java.util.Objects;
import java.util.function.Consumer;
import org.perch.cluster.failover.StepReport.Outcome;

/** Runs a procedure's numbered steps in order, reporting each as it ends; the first that stops ends the procedure. */
final class Procedure {

    /** What a step did, or found already done. */
    record Result(Outcome outcome, String detail) {
        static Result done(String detail) {
            return new Result(Outcome.DONE, detail);
        }

        static Result alreadyDone(String detail) {
            return new Result(Outcome.ALREADY_DONE, detail);
        }

        /** This result, with what the step found for the steps after it. */
        <T> Valued<T> with(T value) {
            return new Valued<>(this, value);
        }
    }

    /** A step's result and what it found, which later steps need. */
    record Valued<T>(Result result, T value) {
    }

    /** Thrown by a step whose precondition does not hold: the reason is for the operator. */
    static final class Stop extends RuntimeException {
        Stop(String reason) {
            super(reason);
        }
    }

    @FunctionalInterface
    interface Body {
        Result run();
    }

    @FunctionalInterface
    interface ValuedBody<T> {
        Valued<T> run();
    }

    private final int steps;
    private final Consumer<StepReport> out;
    private int next = 1;

    Procedure(int steps, Consumer<StepReport> out) {
        this.steps = steps;
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Runs one step and reports it.
     *
     * @throws ProcedureStopped if it stopped: a precondition that did not hold, or a failure of the step itself
     */
    void step(String title, Body body) {
        step(title, () -> body.run().with(null));
    }

    /** Runs one step and reports it; returns what it found. */
    <T> T step(String title, ValuedBody<T> body) {
        int number = next++;
        Valued<T> valued;
        try {
            valued = body.run();
        } catch (Stop e) {
            throw stopped(number, title, e.getMessage());
        } catch (RuntimeException e) {
            throw stopped(number, title, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        out.accept(new StepReport(number, steps, title, valued.result().outcome(), valued.result().detail()));
        return valued.value();
    }

    private ProcedureStopped stopped(int number, String title, String reason) {
        StepReport report = new StepReport(number, steps, title, Outcome.STOPPED, reason);
        out.accept(report);
        return new ProcedureStopped(report);
    }
}
