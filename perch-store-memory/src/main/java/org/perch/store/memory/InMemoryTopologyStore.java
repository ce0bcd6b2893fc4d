package org.perch.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.perch.store.cluster.PublishedTopology;
import org.perch.store.cluster.TopologyStore;

/** Every published version in a list, guarded by this store's monitor. */
final class InMemoryTopologyStore implements TopologyStore {

    private final List<PublishedTopology> versions = new ArrayList<>();

    @Override
    public synchronized Optional<PublishedTopology> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    @Override
    public synchronized PublishedTopology publish(String document, Instant at, long expectedVersion) {
        PublishedTopology next = PublishedTopology.following(expectedVersion, document, at);
        long current = versions.size();
        if (current != expectedVersion) {
            throw TopologyStore.refused(current, expectedVersion);
        }
        versions.add(next);
        return next;
    }
}
