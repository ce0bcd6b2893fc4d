package org.perch.cluster.failover;

/**
 * A precondition of a step did not hold, or the step failed: the procedure stopped there, and what the steps before
 * it did stays done. Running the procedure again resumes, because every step first checks whether it is done.
 */
public final class ProcedureStopped extends RuntimeException {

    private final StepReport step;

    ProcedureStopped(StepReport step) {
        super(step.toString());
        this.step = step;
    }

    /** The step that stopped, with the reason in its detail. */
    public StepReport step() {
        return step;
    }
}
