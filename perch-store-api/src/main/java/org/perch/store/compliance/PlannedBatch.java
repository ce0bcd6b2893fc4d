package org.perch.store.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * One export run, decided before any adapter sees it: the events from {@code firstSequence} to
 * {@code lastSequence} (inclusive), covering the period from {@code start} to {@code end}. Kept until it is done,
 * so that a run a crash interrupts is done again with the same events.
 */
public record PlannedBatch(long id, long firstSequence, long lastSequence, Instant start, Instant end) {
    public PlannedBatch {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (id < 1 || firstSequence < 1 || lastSequence < firstSequence) {
            throw new IllegalArgumentException("a batch is id >= 1 over sequences first..last, first >= 1; got " + id
                    + " over " + firstSequence + ".." + lastSequence);
        }
    }
}
