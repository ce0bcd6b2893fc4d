package org.perch.store.cluster;

/**
 * Wakes the readers of the {@link PoolFeed} in this process when the feed grows, whichever server of the pool
 * appended, so that they need not poll. After an append commits, every listener of every process on the store is
 * called soon; it then reads what is new with {@link PoolFeed#after}. A listener may also be called when nothing
 * was appended, but never misses an append that commits after {@link #listen} returned.
 *
 * <p>Listeners are called one at a time, in the order they came, on a thread of the store's (the appending one, or
 * one that waits for other servers' appends): they must return quickly and leave the reading to a thread of their
 * own. A listener that throws is logged; the others are still called. The signal stops when its store closes.
 */
public interface FeedSignal {

    /** Calls {@code onAppend} after each append from now on, until the returned listening is closed. */
    Listening listen(Runnable onAppend);

    /** One listener's registration. */
    interface Listening extends AutoCloseable {
        /** Stops calling the listener; closing again does nothing. */
        @Override
        void close();
    }
}
