package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.ChatData.T0;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolNode;

/** What every {@link NodeRegistry} must do: heartbeats kept exactly, and each silent server removed once. */
public interface NodeRegistryContract {

    StoreFixture fixture();

    @AfterEach
    default void closeNodeRegistryFixture() {
        fixture().close();
    }

    private NodeRegistry registry() {
        return fixture().store().nodes();
    }

    private static PoolNode node(String server, String pool, Instant beat) {
        return new PoolNode(server, pool, server + ".example.org", true, T0, beat, 0, 0);
    }

    @Test
    default void registeredServersShouldBeListedByPoolThenName() {
        registry().register(node("fe2", "pool-b", T0));
        registry().register(node("fe3", "pool-a", T0));
        registry().register(node("fe1", "pool-b", T0));

        assertThat(registry().nodes()).extracting(PoolNode::server).containsExactly("fe3", "fe1", "fe2");
    }

    @Test
    default void aBeatShouldKeepItsInstantAndFiguresExactly() {
        Instant beat = Instant.parse("2026-03-01T10:00:05.123456789Z");
        registry().register(new PoolNode("fe1", "pool-a", "fe1.example.org", false, T0, T0, 0, 0));

        assertThat(registry().beat("fe1", beat, true, 1234, 9_876_543_210L)).isTrue();

        assertThat(registry().nodes()).containsExactly(new PoolNode("fe1", "pool-a", "fe1.example.org", true, T0, beat,
                1234, 9_876_543_210L));
    }

    @Test
    default void aBeatOfAnUnregisteredServerShouldSaySoAndRegisterNothing() {
        assertThat(registry().beat("ghost", T0, true, 0, 0)).isFalse();

        assertThat(registry().nodes()).isEmpty();
    }

    @Test
    default void registeringAgainShouldReplaceTheEarlierRun() {
        registry().register(node("fe1", "pool-a", T0));
        PoolNode restarted = new PoolNode("fe1", "pool-a", "fe1.example.org", true, T0.plusSeconds(300),
                T0.plusSeconds(300), 0, 0);

        registry().register(restarted);

        assertThat(registry().nodes()).containsExactly(restarted);
    }

    @Test
    default void onlyServersSilentSinceTheDeadlineShouldBeRemovedAndReported() {
        registry().register(node("quiet", "pool-a", T0));
        registry().register(node("edge", "pool-a", T0.plusSeconds(10)));
        registry().register(node("alive", "pool-a", T0.plusSeconds(20)));

        List<PoolNode> removed = registry().removeSilentSince(T0.plusSeconds(10));

        assertThat(removed).containsExactly(node("quiet", "pool-a", T0));
        assertThat(registry().nodes()).extracting(PoolNode::server).containsExactly("alive", "edge");
        assertThat(registry().beat("quiet", T0.plusSeconds(30), true, 0, 0)).as("a removed server hears it").isFalse();
    }

    @Test
    default void ofSweepersRacingEachSilentServerShouldBeReportedOnce() {
        for (int i = 0; i < 20; i++) {
            registry().register(node("fe" + i, "pool-a", T0));
        }
        NodeRegistry registry = registry();
        List<PoolNode> reported = new CopyOnWriteArrayList<>();

        Concurrently.run(4, t -> reported.addAll(registry.removeSilentSince(T0.plusSeconds(1))));

        assertThat(reported).hasSize(20).extracting(PoolNode::server).doesNotHaveDuplicates();
        assertThat(registry.nodes()).isEmpty();
    }

    @Test
    default void aServerStoppingShouldLeaveAndUnknownOnesBeIgnored() {
        registry().register(node("fe1", "pool-a", T0));

        registry().remove("fe1");
        registry().remove("never-there");

        assertThat(registry().nodes()).isEmpty();
    }

    @Test
    default void registrationsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        registry().register(node("fe1", "pool-a", T0));

        fixture().reopen();

        assertThat(registry().nodes()).containsExactly(node("fe1", "pool-a", T0));
    }
}
