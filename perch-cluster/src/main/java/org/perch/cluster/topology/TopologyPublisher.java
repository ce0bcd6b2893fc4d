package org.perch.cluster.topology;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.perch.cluster.topology.OpenedStores.Target;
import org.perch.store.StoreException;
import org.perch.store.cluster.PublishedTopology;

/**
 * Publishes a checked topology to the chat store of every pool (Lync's Publish Topology): each store keeps the
 * document as its next version. Every store is opened and its version checked before any is written, so that a
 * store that cannot be reached, or holds a version someone else published, stops the publication before it begins.
 */
public final class TopologyPublisher {

    private final TopologyStores stores;
    private final Clock clock;

    public TopologyPublisher(TopologyStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Publishes {@code report}'s document.
     *
     * @param expectedVersion the version every pool's store must hold now (0: none yet); empty: whichever each holds
     * @return what each pool's store now holds, in pool order
     * @throws IllegalArgumentException if the report has errors
     * @throws TopologyException if a store cannot be opened, holds another version than expected, or refuses
     */
    public List<Publication> publish(TopologyReport report, OptionalLong expectedVersion) {
        if (!report.publishable()) {
            throw new IllegalArgumentException(report.summary());
        }
        try (OpenedStores opened = OpenedStores.open(report.topology().orElseThrow(), stores)) {
            List<Long> versions = new ArrayList<>();
            for (Target target : opened.targets()) {
                long current = target.store().topology().current().map(PublishedTopology::version).orElse(0L);
                if (expectedVersion.isPresent() && current != expectedVersion.getAsLong()) {
                    throw new TopologyException(target.describe() + " holds version " + current + ", not "
                            + expectedVersion.getAsLong() + (current > expectedVersion.getAsLong()
                                    ? ": someone else published meanwhile" : "") + "; nothing was published");
                }
                versions.add(current);
            }
            Instant at = clock.instant();
            List<Publication> done = new ArrayList<>();
            for (int i = 0; i < opened.targets().size(); i++) {
                Target target = opened.targets().get(i);
                try {
                    done.add(new Publication(target.pool(), target.name(),
                            target.store().topology().publish(report.document(), at, versions.get(i))));
                } catch (StoreException e) {
                    throw new TopologyException(target.describe() + ": " + e.getMessage() + alreadyDone(done), e);
                }
            }
            return done;
        }
    }

    private static String alreadyDone(List<Publication> done) {
        if (done.isEmpty()) {
            return "; nothing was published";
        }
        return "; already published: " + String.join(", ", done.stream()
                .map(p -> "version " + p.published().version() + " to store '" + p.store() + "'").toList());
    }
}
