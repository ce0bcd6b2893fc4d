package org.perch.store.cluster;

import java.time.Instant;
import java.util.List;

/**
 * The pool feed (ARCHITECTURE D5): an ordered log of room events, shared by every server of a pool through their
 * store. Each server appends what happens in its live rooms and reads everything, its own events included, in
 * order, to show every occupant what happens on the other servers; {@link org.perch.store.Store#feedSignal()}
 * says when to read.
 *
 * <p>Positions grow in commit order across all writers: a reader that has read up to position P never later finds
 * an event below P, so "everything after the last position I read" is all a reader needs to remember.
 */
public interface PoolFeed {

    /**
     * Appends the events, in list order, and returns them with their positions. Inside
     * {@link org.perch.store.Store#atomically} they commit (or not) with the block; readers see them only then.
     */
    List<PoolEvent> append(List<NewPoolEvent> events);

    /**
     * The events with a position above {@code after}, at most {@code max}, in position order.
     *
     * @param after 0 to read from the start, or the last position read
     * @throws IllegalArgumentException if {@code after} is negative or {@code max} below 1
     */
    List<PoolEvent> after(long after, int max);

    /** The highest position committed so far; 0 while nothing was ever appended. */
    long lastPosition();

    /**
     * Removes the events written before {@code before} (by {@link PoolEvent#at()}: retention) and returns how many.
     * Never lowers {@link #lastPosition()}: later events still get higher positions.
     */
    long pruneBefore(Instant before);

    /** The checks of {@link #after}, the same in every store. */
    static void requirePage(long after, int max) {
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or a position, got " + after);
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
    }
}
