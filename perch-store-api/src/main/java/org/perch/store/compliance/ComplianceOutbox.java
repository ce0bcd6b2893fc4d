package org.perch.store.compliance;

import java.util.Collection;
import java.util.List;

/**
 * Compliance events waiting in the chat store for the compliance service to move them to the compliance database.
 * An event added inside {@link org.perch.store.Store#atomically} commits, or not, with the change it records. Safe
 * to call from several threads at once.
 */
public interface ComplianceOutbox {

    /**
     * Adds the events, in list order after every event added before. Their ids are not checked against those
     * waiting: ids are minted once per event, and the compliance database, not the outbox, is where a second copy
     * of an event is recognised and skipped; the check would cost every captured change an index update.
     */
    void add(List<ComplianceEvent> events);

    /** The oldest waiting events, at most {@code max}, in the order they were added. */
    List<OutboxEntry> oldest(int max);

    /** Removes these entries (their events are safe elsewhere); entries no longer waiting are ignored. */
    void remove(Collection<OutboxEntry> entries);

    /** How many events are waiting. */
    long size();
}
