package org.perch.store.compliance;

import java.util.Objects;

/** An event in the compliance database, with the place it was given there: increasing, never reused. */
public record RecordedEvent(long sequence, ComplianceEvent event) {
    public RecordedEvent {
        Objects.requireNonNull(event, "event");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1, got " + sequence);
        }
    }
}
