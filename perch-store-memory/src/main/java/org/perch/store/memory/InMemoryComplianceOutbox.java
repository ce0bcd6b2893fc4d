package org.perch.store.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.perch.store.StoreException;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceOutbox;

/**
 * The outbox in insertion order, guarded by this store's monitor. Maps cannot roll back, so a block
 * ({@link InMemoryStore#atomically}) keeps its events aside and adds them only once it returns.
 */
final class InMemoryComplianceOutbox implements ComplianceOutbox {

    private final Map<UUID, ComplianceEvent> waiting = new LinkedHashMap<>();
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
        for (ComplianceEvent e : events) {
            if (waiting.containsKey(e.id())) {
                throw new StoreException("compliance event " + e.id() + " is already waiting");
            }
        }
        events.forEach(e -> waiting.put(e.id(), e));
    }

    @Override
    public synchronized List<ComplianceEvent> oldest(int max) {
        return waiting.values().stream().limit(max).toList();
    }

    @Override
    public synchronized void remove(Collection<UUID> ids) {
        ids.forEach(waiting::remove);
    }

    @Override
    public synchronized long size() {
        return waiting.size();
    }
}
