package org.perch.xmpp.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's (or one room's) tasks one at a time, in submission order, on a shared executor (virtual threads), so the
 * I/O thread never blocks on the store and a session never races with itself. The queue is bounded: a client
 * that sends faster than the server can handle is refused, not buffered without limit.
 */
public final class SerialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor executor;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    public SerialExecutor(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /** Queues the task; returns false, running nothing, if the queue is full. */
    public boolean submit(Runnable task) {
        if (pending.get() >= capacity) {
            return false;
        }
        submitAlways(task);
        return true;
    }

    /** Queues the task even if the queue is full; for the few events that must never be dropped. */
    public void submitAlways(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                // The server is stopping and every session has been told so; late events have nowhere to go.
                LOG.debug("dropping a session task: the server is shutting down");
            }
        }
    }

    private void drain() {
        do {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Letting anything escape would end this loop with tasks still counted: the session would
                // never process another stanza. Log it and go on with the next task.
                LOG.error("session task failed", e);
            }
        } while (pending.decrementAndGet() > 0);
    }
}
