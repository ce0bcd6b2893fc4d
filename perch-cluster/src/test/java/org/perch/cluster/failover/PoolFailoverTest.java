package org.perch.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.cluster.failover.StepReport.Outcome;
import org.perch.cluster.topology.PoolState;

/** Lync's failover procedure (spec §12.6) as {@link PoolFailover} runs it: its steps, its refusals, its re-runs. */
class PoolFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Sites sites = new Sites();

    @Test
    @DisplayName("the backup is promoted and the pool published failed over, with the idle servers active")
    void aFailoverShouldPromoteThenPublishThenWait() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "Connection refused"));
        sites.databases.set("chat-a-dr", new DatabaseHost.Standby("db9.example.org:5432", 42));
        sites.beat(sites.backup, "fe9");

        List<String> next = sites.failover().run("pool-a", Optional.empty(), WAIT, sites.steps::add);

        assertThat(sites.steps).extracting(StepReport::outcome).containsOnly(Outcome.DONE).hasSize(5);
        assertThat(sites.steps.get(2)).hasToString("[3/5] promote backup store 'chat-a-dr': done:"
                + " db9.example.org:5432 promoted: it accepts writes");
        assertThat(sites.steps.get(3).detail()).isEqualTo("version 2 in store 'chat-a-dr': active fe9; idle fe1, fe2");
        assertThat(sites.databases.actions).containsExactly("promote db9.example.org:5432");
        assertThat(sites.published(sites.backup).state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(PublishedPool.active(sites.published(sites.backup))).containsExactly("fe9");
        assertThat(next.getFirst()).contains("_xmpp-client._tcp.example.org").contains("fe9.dr.example.org:5222");
    }

    @Test
    @DisplayName("run again, every step finds its work done and nothing is promoted or published twice")
    void aSecondRunShouldFindEverythingDone() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "timeout"));
        sites.databases.set("chat-a-dr", new DatabaseHost.Standby("db9.example.org:5432", 42));
        sites.beat(sites.backup, "fe9");
        sites.failover().run("pool-a", Optional.empty(), WAIT, sites.steps::add);
        sites.steps.clear();

        sites.failover().run("pool-a", Optional.empty(), WAIT, sites.steps::add);

        assertThat(sites.steps).extracting(StepReport::outcome).containsExactly(Outcome.DONE, Outcome.DONE,
                Outcome.ALREADY_DONE, Outcome.ALREADY_DONE, Outcome.DONE);
        assertThat(sites.databases.actions).hasSize(1);
        assertThat(sites.backup.topology().current().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("while the first site's store accepts writes, nothing is promoted: two primaries would split the pool")
    void aLiveFirstSiteShouldStopTheFailover() {
        sites.databases.set("chat-a", new DatabaseHost.Primary("db1.example.org:5432", 7));
        sites.databases.set("chat-a-dr", new DatabaseHost.Standby("db9.example.org:5432", 7));

        assertThatThrownBy(() -> sites.failover().run("pool-a", Optional.empty(), WAIT, sites.steps::add))
                .isInstanceOf(ProcedureStopped.class).hasMessageStartingWith("[2/5] check that store 'chat-a' no"
                        + " longer accepts writes: stopped: db1.example.org:5432 still accepts writes.");
        assertThat(sites.databases.actions).isEmpty();
        assertThat(sites.backup.topology().current().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a pool without a backup store, an unreachable backup and an unknown server each stop with the reason")
    void missingPiecesShouldStopWithTheirReason() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "timeout"));
        sites.databases.set("chat-a-dr", new DatabaseHost.Unreachable("db9.example.org:5432", "no route to host"));

        assertThatThrownBy(() -> sites.failover().run("pool-b", Optional.empty(), WAIT, sites.steps::add))
                .hasMessage("[1/5] check the pool: stopped: the topology has no pool 'pool-b'; its pools: pool-a");
        assertThatThrownBy(() -> sites.failover().run("pool-a", Optional.empty(), WAIT, sites.steps::add))
                .hasMessage("[3/5] promote backup store 'chat-a-dr': stopped: no host of the backup store can be"
                        + " promoted: db9.example.org:5432 does not answer (no route to host)");

        sites.databases.set("chat-a-dr", new DatabaseHost.Standby("db9.example.org:5432", 42));
        assertThatThrownBy(() -> sites.failover().run("pool-a", Optional.of(List.of("fe8")), WAIT, sites.steps::add))
                .hasMessage("[4/5] publish the topology with pool 'pool-a' failed over: stopped: pool 'pool-a' has"
                        + " no server 'fe8'; its servers: fe1, fe2, fe9");
        assertThat(Sites.failedOver(sites.published(sites.backup))).isFalse();
    }

    @Test
    @DisplayName("activating more servers than the pool may have active is refused, and nothing is published")
    void tooManyActiveServersShouldBeRefused() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "timeout"));
        sites.databases.set("chat-a-dr", new DatabaseHost.Primary("db9.example.org:5432", 42));

        assertThatThrownBy(() -> sites.failover().run("pool-a", Optional.of(List.of("fe1", "fe2", "fe9")), WAIT,
                sites.steps::add)).hasMessageContaining("has 3 active servers; at most 2 may be active");
        assertThat(sites.backup.topology().current().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a server that does not take clients in time is named; the failover itself stays done")
    void aServerThatDoesNotComeUpShouldBeNamed() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "timeout"));
        sites.databases.set("chat-a-dr", new DatabaseHost.Standby("db9.example.org:5432", 42));

        assertThatThrownBy(() -> sites.failover().run("pool-a", Optional.empty(), Duration.ofMillis(50),
                sites.steps::add)).hasMessageContaining("[5/5] wait for the servers to apply it: stopped:")
                .hasMessageContaining("fe9 to take clients (it has never beaten in this store)");
        assertThat(Sites.failedOver(sites.published(sites.backup))).isTrue();
    }
}
