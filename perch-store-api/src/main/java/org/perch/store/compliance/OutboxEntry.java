package org.perch.store.compliance;

import java.util.Objects;

/**
 * An event waiting in the outbox and its place there: {@code position} grows with every event added and is what
 * {@link ComplianceOutbox#remove} finds the event by, the cheapest key the outbox has.
 */
public record OutboxEntry(long position, ComplianceEvent event) {

    public OutboxEntry {
        Objects.requireNonNull(event, "event");
    }
}
