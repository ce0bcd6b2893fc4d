package org.perch.bench.pool;

import java.util.List;
import java.util.Optional;

/** The steps one configuration ran, up to and including the first saturated one. */
record ConfigurationResult(Configuration configuration, List<StepResult> steps) {

    ConfigurationResult {
        steps = List.copyOf(steps);
    }

    /** Whether the last step saturated; if not, the configuration can take more than the steps offered. */
    boolean saturated() {
        return !steps.isEmpty() && steps.getLast().saturated();
    }

    /** The last step that did not saturate: the highest rate the configuration was seen to take. */
    Optional<StepResult> lastGood() {
        return steps.stream().filter(s -> !s.saturated()).reduce((a, b) -> b);
    }

    /** The step at {@code rate}, if it ran and did not saturate. */
    Optional<StepResult> goodAt(int rate) {
        return steps.stream().filter(s -> s.offered() == rate && !s.saturated()).findFirst();
    }
}
