package org.perch.store.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.OutboxEntry;

/**
 * The outbox in insertion order, guarded by this store's monitor. Maps cannot roll back, so a block
 * ({@link InMemoryStore#atomically}) keeps its events aside and adds them only once it returns.
 */
final class InMemoryComplianceOutbox implements ComplianceOutbox {

    private final NavigableMap<Long, ComplianceEvent> waiting = new TreeMap<>();
    private long lastPosition;
    private final ThreadLocal<List<ComplianceEvent>> block = new ThreadLocal<>();

    <T> T atomically(Supplier<T> work) {
        if (block.get() != null) {
            return work.get();
        }
        List<ComplianceEvent> held = new ArrayList<>();
        block.set(held);
        T result;
        try {
            result = work.get();
        } finally {
            block.remove();
        }
        addNow(held);
        return result;
    }

    @Override
    public void add(List<ComplianceEvent> events) {
        List<ComplianceEvent> held = block.get();
        if (held != null) {
            held.addAll(events);
        } else {
            addNow(events);
        }
    }

    private synchronized void addNow(List<ComplianceEvent> events) {
        events.forEach(e -> waiting.put(++lastPosition, e));
    }

    @Override
    public synchronized List<OutboxEntry> oldest(int max) {
        return waiting.entrySet().stream().limit(max).map(e -> new OutboxEntry(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized void remove(Collection<OutboxEntry> entries) {
        entries.forEach(e -> waiting.remove(e.position()));
    }

    @Override
    public synchronized long size() {
        return waiting.size();
    }
}
