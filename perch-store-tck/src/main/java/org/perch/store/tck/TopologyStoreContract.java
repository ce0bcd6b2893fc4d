package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.ChatData.T0;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.StoreException;
import org.perch.store.cluster.PublishedTopology;
import org.perch.store.cluster.TopologyStore;

/** What every {@link TopologyStore} must do: versions from 1, kept, and no publication over someone else's. */
public interface TopologyStoreContract {

    /** A small document with text beyond ASCII; stores keep it as given, they do not parse it. */
    String FIRST = "{\"schemaVersion\": 1, \"domain\": \"example.org\", \"note\": \"caf\u00e9 \u2615\"}";
    String SECOND = "{\"schemaVersion\": 1, \"domain\": \"example.com\"}";

    StoreFixture fixture();

    @AfterEach
    default void closeTopologyFixture() {
        fixture().close();
    }

    private TopologyStore topology() {
        return fixture().store().topology();
    }

    @Test
    default void nothingShouldBePublishedAtFirst() {
        assertThat(topology().current()).isEmpty();
    }

    @Test
    default void versionsShouldStartAtOneAndGrowByOneAndTheLatestBeCurrent() {
        PublishedTopology first = topology().publish(FIRST, T0, 0);
        PublishedTopology second = topology().publish(SECOND, T0.plusSeconds(60), 1);

        assertThat(first).isEqualTo(new PublishedTopology(1, FIRST, T0));
        assertThat(second).isEqualTo(new PublishedTopology(2, SECOND, T0.plusSeconds(60)));
        assertThat(topology().current()).contains(second);
    }

    @Test
    default void aStaleExpectedVersionShouldBeRefusedAndLeaveTheCurrentOne() {
        topology().publish(FIRST, T0, 0);
        topology().publish(SECOND, T0.plusSeconds(60), 1);

        assertThatThrownBy(() -> topology().publish("{\"late\": true}", T0.plusSeconds(120), 1))
                .isInstanceOf(StoreException.class)
                .hasMessage("could not publish the topology: someone else published version 2 meanwhile (expected"
                        + " version 1 to be current); read it and publish again");
        assertThatThrownBy(() -> topology().publish("{\"late\": true}", T0.plusSeconds(120), 0))
                .isInstanceOf(StoreException.class).hasMessageContaining("someone else published version 2");

        assertThat(topology().current()).contains(new PublishedTopology(2, SECOND, T0.plusSeconds(60)));
    }

    @Test
    default void anExpectedVersionAheadOfTheStoreShouldBeRefused() {
        assertThatThrownBy(() -> topology().publish(FIRST, T0, 3)).isInstanceOf(StoreException.class)
                .hasMessage("could not publish the topology: the current version is 0 (none published yet), not 3");
        topology().publish(FIRST, T0, 0);
        assertThatThrownBy(() -> topology().publish(SECOND, T0, 2)).isInstanceOf(StoreException.class)
                .hasMessage("could not publish the topology: the current version is 1, not 2");

        assertThat(topology().current()).map(PublishedTopology::version).contains(1L);
    }

    @Test
    default void badArgumentsShouldBeRefusedNamingTheField() {
        assertThatThrownBy(() -> topology().publish(FIRST, T0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectedVersion must be 0 (none published yet) or more, got -1");
        assertThatThrownBy(() -> topology().publish(" \n", T0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document is empty");
        String tooLong = "x".repeat(PublishedTopology.MAX_DOCUMENT_LENGTH + 1);
        assertThatThrownBy(() -> topology().publish(tooLong, T0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document is 1000001 characters; at most 1000000");

        assertThat(topology().current()).isEmpty();
    }

    @Test
    default void theLongestDocumentShouldComeBackWhole() {
        String longest = "{\"pad\": \"" + "\u00e9".repeat(PublishedTopology.MAX_DOCUMENT_LENGTH - 11) + "\"}";

        topology().publish(longest, T0, 0);

        assertThat(topology().current()).map(PublishedTopology::document).contains(longest);
    }

    @Test
    default void ofConcurrentPublishersOfOneVersionExactlyOneShouldWin() {
        topology().publish(FIRST, T0, 0);
        TopologyStore topology = topology();
        List<Long> published = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();

        Concurrently.run(4, t -> {
            try {
                published.add(topology.publish("{\"writer\": " + t + "}", T0.plusSeconds(t), 1).version());
            } catch (StoreException e) {
                refusals.add(e.getMessage());
            }
        });

        assertThat(published).containsExactly(2L);
        assertThat(refusals).hasSize(3).allSatisfy(message -> assertThat(message)
                .contains("someone else published version 2 meanwhile"));
        assertThat(topology.current()).map(PublishedTopology::version).contains(2L);
    }

    @Test
    default void publishedVersionsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        topology().publish(FIRST, T0, 0);
        topology().publish(SECOND, T0.plusSeconds(60), 1);

        fixture().reopen();

        assertThat(topology().current()).contains(new PublishedTopology(2, SECOND, T0.plusSeconds(60)));
        assertThat(topology().publish(FIRST, T0.plusSeconds(120), 2).version()).isEqualTo(3);
    }
}
