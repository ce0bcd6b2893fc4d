package org.perch.compliance;

import java.util.List;
import java.util.Objects;

/**
 * One file an adapter writes for a batch: its name and its events, in sequence order.
 *
 * @param name the file name, derived from the batch id (and the room's address for a per-room file)
 * @param events the events it holds
 */
public record OutputFile(String name, List<ChainedEvent> events) {
    public OutputFile {
        Objects.requireNonNull(name, "name");
        events = List.copyOf(events);
    }
}
