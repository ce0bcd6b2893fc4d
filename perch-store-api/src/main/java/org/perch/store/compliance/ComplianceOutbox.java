package org.perch.store.compliance;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Compliance events waiting in the chat store for the compliance service to move them to the compliance database.
 * An event added inside {@link org.perch.store.Store#atomically} commits, or not, with the change it records. Safe
 * to call from several threads at once.
 */
public interface ComplianceOutbox {

    /** Adds the events, in list order after every event added before; an event id already waiting is refused. */
    void add(List<ComplianceEvent> events);

    /** The oldest waiting events, at most {@code max}, in the order they were added. */
    List<ComplianceEvent> oldest(int max);

    /** Removes the events with these ids (they are safe elsewhere); ids not waiting are ignored. */
    void remove(Collection<UUID> ids);

    /** How many events are waiting. */
    long size();
}
