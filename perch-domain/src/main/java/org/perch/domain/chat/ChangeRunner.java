package org.perch.domain.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link ChatRooms} makes a change: one at a time in this process (its checks span several store calls), in one
 * store block, so that the compliance events it records commit with it, and told to the listener only once it has
 * committed, in order, on the caller's thread.
 */
final class ChangeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRunner.class);

    private final Store store;
    private final RoomEvents events;
    private final ComplianceCapture compliance;
    private final ReentrantLock lock = new ReentrantLock();
    /** The change in progress (under {@link #lock}): who makes it, and the events it has stored so far. */
    private Jid actor;
    private final List<RoomEvent> pending = new ArrayList<>();

    ChangeRunner(Store store, RoomEvents events, ComplianceCapture compliance) {
        this.store = store;
        this.events = events;
        this.compliance = compliance;
    }

    <T> T run(Jid requester, Supplier<T> work) {
        lock.lock();
        try {
            actor = requester.toBare();
            T result = store.atomically(work);
            List<RoomEvent> committed = List.copyOf(pending);
            pending.clear();
            committed.forEach(compliance::committed);
            committed.forEach(this::tell);
            return result;
        } finally {
            pending.clear();
            lock.unlock();
        }
    }

    /** Within a change: records its compliance events in its block; the listener is told once the block commits. */
    void emit(RoomEvent event) {
        compliance.changed(actor, event);
        pending.add(event);
    }

    private void tell(RoomEvent event) {
        try {
            events.on(event);
        } catch (RuntimeException e) {
            // The change is stored and cannot be undone; failing the caller would only misreport it.
            LOG.warn("room event listener failed on {}", event, e);
        }
    }
}
