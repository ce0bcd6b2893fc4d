package org.perch.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.RecordedEvent;

/**
 * The heads of every chain (the last hash per room, and one for the events without a room), turning events into
 * {@link ChainedEvent}s. Whoever plans batches keeps the heads between runs: start from the stored heads, link the
 * batch's events, store {@link #heads()} with the batch. Not thread-safe; one planner uses it.
 */
public final class Chains {

    /** The chain key of the events without a room (category events); no room id can be this. */
    public static final String NO_ROOM = "categories";

    private final Map<String, String> heads;
    private long lastSequence = Long.MIN_VALUE;

    /** Continues from the given heads (chain key to last hash); chains not in it start at {@link EventChain#GENESIS}. */
    public Chains(Map<String, String> heads) {
        this.heads = new HashMap<>(heads);
    }

    /** Chains that all start at {@link EventChain#GENESIS}. */
    public static Chains empty() {
        return new Chains(Map.of());
    }

    /** The chain an event belongs to: its room's id, or {@link #NO_ROOM}. */
    public static String key(ComplianceEvent event) {
        return event.room().map(room -> room.id().toString()).orElse(NO_ROOM);
    }

    /** Links one event after the head of its chain, which it then becomes. Sequences must increase. */
    public ChainedEvent append(long sequence, ComplianceEvent event) {
        if (sequence <= lastSequence) {
            throw new IllegalArgumentException("sequence " + sequence + " does not follow " + lastSequence);
        }
        String key = key(event);
        String previous = heads.getOrDefault(key, EventChain.GENESIS);
        ChainedEvent chained = new ChainedEvent(sequence, event, previous, EventChain.hash(previous, event));
        heads.put(key, chained.hash());
        lastSequence = sequence;
        return chained;
    }

    /** Links the events in order (see {@link #append}). */
    public List<ChainedEvent> appendAll(List<RecordedEvent> events) {
        List<ChainedEvent> chained = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            chained.add(append(e.sequence(), e.event()));
        }
        return chained;
    }

    /** The last hash of every chain seen so far: what to store for the next run. */
    public Map<String, String> heads() {
        return Map.copyOf(heads);
    }
}
