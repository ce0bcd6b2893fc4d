package org.perch.compliance;

import java.util.Objects;
import org.perch.store.compliance.ComplianceEvent;

/**
 * An event as it is exported: its place in the compliance database's order, and its link in its room's hash chain
 * (tamper evidence). {@code hash} is {@link EventChain#hash} of the previous link and the event; the first event of
 * a room (or of the category chain, for events without a room) links to {@link EventChain#GENESIS}.
 *
 * @param sequence the compliance database's order: increasing, never reused
 * @param event the event
 * @param previousHash the hash of the previous event of the same chain, lower-case hex
 * @param hash this event's hash, lower-case hex
 */
public record ChainedEvent(long sequence, ComplianceEvent event, String previousHash, String hash) {
    public ChainedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
