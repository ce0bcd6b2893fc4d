package org.perch.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent login failures per key, oldest first. Not thread-safe: {@link LoginThrottle} guards it. Memory is bounded
 * two ways: entries whose window has passed are dropped, and past {@code capacity} the oldest entry goes.
 */
final class FailureCounter<K> {

    private record Entry(int count, Instant lastFailure) {
    }

    private final int maxFailures;
    private final Duration window;
    private final int capacity;
    // Insertion order is last-failure order because an updated entry is removed and put back at the tail.
    private final LinkedHashMap<K, Entry> entries = new LinkedHashMap<>();

    FailureCounter(int maxFailures, Duration window, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.capacity = capacity;
    }

    boolean lockedOut(K key, Instant now) {
        Entry entry = entries.get(key);
        return entry != null && !expired(entry, now) && entry.count() >= maxFailures;
    }

    void failure(K key, Instant now) {
        purgeExpired(now);
        Entry previous = entries.remove(key);
        int count = previous == null || expired(previous, now) ? 1 : previous.count() + 1;
        entries.put(key, new Entry(count, now));
        Iterator<K> oldest = entries.keySet().iterator();
        while (entries.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    void clear(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    private void purgeExpired(Instant now) {
        Iterator<Map.Entry<K, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext() && expired(it.next().getValue(), now)) {
            it.remove();
        }
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.lastFailure().plus(window));
    }
}
