package org.perch.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run hands an adapter: the events since the last run, in sequence order. A batch is planned before any
 * adapter sees it and kept until every adapter has written it, so a run that a crash interrupts is done again
 * with the same batch: the same {@code id}, the same events, and so the same file names, which an adapter's
 * rename then replaces. That is how every event reaches the output exactly once.
 *
 * @param id increasing per run; adapters use it in their file names
 * @param start the start of the period the batch covers (the previous run's end)
 * @param end the end of the period (this run's time)
 * @param events the events, in sequence order; never empty
 */
public record ExportBatch(long id, Instant start, Instant end, List<ChainedEvent> events) {
    public ExportBatch {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
    }
}
