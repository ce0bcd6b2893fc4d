package org.perch.cluster.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perch.cluster.topology.Documents.FILE;
import static org.perch.cluster.topology.Documents.VALID;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.store.Store;
import org.perch.store.cluster.PublishedTopology;
import org.perch.store.memory.InMemoryStore;

/** Publishing to each pool's store, over in-memory stores standing for the pools' databases. */
class TopologyPublisherTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

    private final Map<String, Store> databases = new HashMap<>(Map.of("chat-a", new InMemoryStore(),
            "chat-b", new InMemoryStore()));
    private final TopologyPublisher publisher = new TopologyPublisher(definition -> databases.get(definition.name()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final TopologyReport report = TopologyReport.check(VALID, FILE);

    @Test
    @DisplayName("each pool's chat store gets the document as its next version")
    void eachPoolStoreShouldGetTheDocument() {
        assertThat(publisher.publish(report, OptionalLong.empty())).containsExactly(
                new Publication("pool-a", "chat-a", new PublishedTopology(1, VALID, NOW)),
                new Publication("pool-b", "chat-b", new PublishedTopology(1, VALID, NOW)));

        assertThat(publisher.publish(report, OptionalLong.of(1))).extracting(p -> p.published().version())
                .containsExactly(2L, 2L);
        assertThat(current("chat-a")).contains(new PublishedTopology(2, VALID, NOW));
        assertThat(current("chat-b")).contains(new PublishedTopology(2, VALID, NOW));
    }

    @Test
    @DisplayName("a failed-over pool's topology goes to its backup store, which holds its rooms now")
    void aFailedOverPoolShouldBePublishedToItsBackupStore() {
        databases.put("chat-a-dr", new InMemoryStore());
        String failedOver = Documents.replace(VALID, "\"backupStore\": \"chat-a-dr\",",
                "\"backupStore\": \"chat-a-dr\", \"state\": \"failedOver\",");

        assertThat(publisher.publish(TopologyReport.check(failedOver, FILE), OptionalLong.empty()))
                .extracting(Publication::store).containsExactly("chat-a-dr", "chat-b");
        assertThat(current("chat-a")).as("the lost first site's store is not opened").isEmpty();
        assertThat(current("chat-a-dr")).contains(new PublishedTopology(1, failedOver, NOW));
    }

    @Test
    @DisplayName("a store holding another version than expected stops the publication before any store is written")
    void anUnexpectedVersionShouldStopEverything() {
        databases.get("chat-b").topology().publish("{\"someone\": \"else\"}", NOW, 0);

        assertThatThrownBy(() -> publisher.publish(report, OptionalLong.of(0))).isInstanceOf(TopologyException.class)
                .hasMessage("store 'chat-b' of pool 'pool-b' holds version 1, not 0: someone else published meanwhile;"
                        + " nothing was published");
        assertThat(current("chat-a")).isEmpty();

        assertThat(publisher.publish(report, OptionalLong.empty())).extracting(p -> p.published().version())
                .as("without an expected version, each store's own is replaced").containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("a store that cannot be opened stops the publication before any store is written")
    void anUnreachableStoreShouldStopEverything() {
        TopologyPublisher unreachable = new TopologyPublisher(definition -> {
            if (definition.name().equals("chat-b")) {
                throw new IllegalStateException("PostgreSQL stores need perch-store-postgres");
            }
            return databases.get(definition.name());
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> unreachable.publish(report, OptionalLong.empty()))
                .isInstanceOf(TopologyException.class).hasMessage("could not open store 'chat-b' of pool 'pool-b':"
                        + " PostgreSQL stores need perch-store-postgres; nothing was published");
        assertThat(current("chat-a")).isEmpty();
    }

    @Test
    @DisplayName("a store that refuses midway is named, with what was already published")
    void aRefusalMidwayShouldSayWhatWasDone() {
        // Both pools' names lead to one database: the second publication finds the first one's version, as it
        // would find a concurrent administrator's.
        databases.put("chat-b", databases.get("chat-a"));

        assertThatThrownBy(() -> publisher.publish(report, OptionalLong.empty()))
                .isInstanceOf(TopologyException.class).hasMessage("store 'chat-b' of pool 'pool-b': could not publish"
                        + " the topology: someone else published version 1 meanwhile (expected version 0 to be"
                        + " current); read it and publish again; already published: version 1 to store 'chat-a'");
    }

    @Test
    @DisplayName("a topology with errors is never published")
    void aTopologyWithErrorsShouldNotBePublished() {
        TopologyReport broken = TopologyReport.check(VALID.replace("\"active\"", "\"on\""), FILE);

        assertThatThrownBy(() -> publisher.publish(broken, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(FILE + ": 3 errors, 0 warnings; not publishable");
        assertThat(current("chat-a")).isEmpty();
    }

    private java.util.Optional<PublishedTopology> current(String store) {
        return databases.get(store).topology().current();
    }
}
