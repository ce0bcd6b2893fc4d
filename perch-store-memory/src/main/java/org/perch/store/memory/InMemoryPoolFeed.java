package org.perch.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolFeed;

/**
 * The feed in a map, readers guarded by this feed's monitor. Positions come from a counter behind a lock that an
 * {@link InMemoryStore#atomically} block holds from its first append until it ends, as a database holds the
 * counter row until commit: so positions grow in the order blocks end, and a block that throws gives its positions
 * back. A block's events are kept aside and published when it returns.
 */
final class InMemoryPoolFeed implements PoolFeed {

    private final ReentrantLock counter = new ReentrantLock();
    /** The last position handed out; guarded by {@link #counter}. */
    private long reserved;
    private final NavigableMap<Long, PoolEvent> events = new TreeMap<>();
    private long lastPosition;
    private final ThreadLocal<List<PoolEvent>> block = new ThreadLocal<>();
    private final Runnable committed;

    /** {@code committed} runs after each append is published, outside any lock. */
    InMemoryPoolFeed(Runnable committed) {
        this.committed = committed;
    }

    <T> T atomically(Supplier<T> work) {
        if (block.get() != null) {
            return work.get();
        }
        List<PoolEvent> held = new ArrayList<>();
        block.set(held);
        boolean returned = false;
        try {
            T result = work.get();
            returned = true;
            return result;
        } finally {
            block.remove();
            end(held, returned);
        }
    }

    @Override
    public List<PoolEvent> append(List<NewPoolEvent> written) {
        if (written.isEmpty()) {
            return List.of();
        }
        List<PoolEvent> held = block.get();
        if (held != null) {
            if (!counter.isHeldByCurrentThread()) {
                counter.lock();
            }
            List<PoolEvent> stored = positioned(written);
            held.addAll(stored);
            return stored;
        }
        counter.lock();
        List<PoolEvent> stored;
        try {
            stored = positioned(written);
            publish(stored);
        } finally {
            counter.unlock();
        }
        committed.run();
        return stored;
    }

    private void end(List<PoolEvent> held, boolean returned) {
        if (held.isEmpty()) {
            return;
        }
        try {
            if (returned) {
                publish(held);
            } else {
                reserved = held.getFirst().position() - 1;
            }
        } finally {
            counter.unlock();
        }
        if (returned) {
            committed.run();
        }
    }

    private List<PoolEvent> positioned(List<NewPoolEvent> written) {
        List<PoolEvent> stored = new ArrayList<>(written.size());
        for (NewPoolEvent event : written) {
            stored.add(event.at(++reserved));
        }
        return stored;
    }

    private synchronized void publish(List<PoolEvent> stored) {
        stored.forEach(e -> events.put(e.position(), e));
        lastPosition = stored.getLast().position();
    }

    @Override
    public synchronized List<PoolEvent> after(long after, int max) {
        PoolFeed.requirePage(after, max);
        return events.tailMap(after, false).values().stream().limit(max).toList();
    }

    @Override
    public synchronized long lastPosition() {
        return lastPosition;
    }

    @Override
    public synchronized long pruneBefore(Instant before) {
        List<Long> old = events.values().stream().filter(e -> e.at().isBefore(before)).map(PoolEvent::position)
                .toList();
        old.forEach(events::remove);
        return old.size();
    }
}
