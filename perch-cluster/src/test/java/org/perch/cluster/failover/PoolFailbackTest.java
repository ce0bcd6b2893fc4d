package org.perch.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.cluster.failover.StepReport.Outcome;
import org.perch.cluster.topology.PoolState;

/** Lync's failback procedure (spec §12.7) as {@link PoolFailback} runs it: its order, its refusals, its re-runs. */
class PoolFailbackTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Sites sites = new Sites();

    /** A failed-over pool: the backup promoted and serving through fe9, the first site's database just rebuilt. */
    @BeforeEach
    void failOver() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "timeout"));
        sites.databases.set("chat-a-dr", new DatabaseHost.Standby("db9.example.org:5432", 42));
        sites.beat(sites.backup, "fe9");
        sites.failover().run("pool-a", Optional.empty(), WAIT, r -> { });
        sites.databases.actions.clear();
        sites.databases.set("chat-a", new DatabaseHost.Standby("db1.example.org:5432", 42));
    }

    @Test
    @DisplayName("servers idle, backup fenced, store caught up, then promoted and published back with the file's roles")
    void aFailbackShouldMoveThePoolWithNoServerTakingClients() {
        sites.beat(sites.backup);
        sites.store.topology().publish(sites.backup.topology().current().orElseThrow().document(),
                java.time.Instant.now(), 1);
        sites.beat(sites.store, "fe1", "fe2");

        sites.failback().run("pool-a", Optional.empty(), WAIT, sites.steps::add);

        assertThat(sites.steps).extracting(StepReport::outcome).containsOnly(Outcome.DONE).hasSize(8);
        assertThat(sites.databases.actions).as("fenced before the chat store is promoted")
                .containsExactly("fence db9.example.org:5432", "promote db1.example.org:5432");
        assertThat(sites.published(sites.backup).state()).isEqualTo(PoolState.FAILED_OVER);
        assertThat(PublishedPool.active(sites.published(sites.backup))).as("every server idle on the backup")
                .isEmpty();
        assertThat(sites.published(sites.store).state()).isEqualTo(PoolState.NORMAL);
        assertThat(PublishedPool.active(sites.published(sites.store))).containsExactly("fe1", "fe2");
    }

    @Test
    @DisplayName("a chat store not yet rebuilt as a standby stops the failback before any server is made idle")
    void aStoreNotRebuiltShouldStopTheFailback() {
        sites.databases.set("chat-a", new DatabaseHost.Unreachable("db1.example.org:5432", "Connection refused"));

        assertThatThrownBy(() -> sites.failback().run("pool-a", Optional.empty(), WAIT, sites.steps::add))
                .hasMessageStartingWith("[2/8] check the stores: stopped: store 'chat-a': db1.example.org:5432 does"
                        + " not answer (Connection refused); backup store 'chat-a-dr': db9.example.org:5432 accepts"
                        + " writes. Rebuild store 'chat-a' as a standby of backup store 'chat-a-dr' first");
        assertThat(PublishedPool.active(sites.published(sites.backup))).containsExactly("fe9");
        assertThat(sites.databases.actions).isEmpty();
    }

    @Test
    @DisplayName("two stores accepting writes stop the failback: the history has split")
    void twoPrimariesShouldStopTheFailback() {
        sites.databases.set("chat-a", new DatabaseHost.Primary("db1.example.org:5432", 50));

        assertThatThrownBy(() -> sites.failback().run("pool-a", Optional.empty(), WAIT, sites.steps::add))
                .hasMessageContaining("both stores accept writes");
        assertThat(sites.databases.actions).isEmpty();
    }

    @Test
    @DisplayName("the store is not promoted before it has replayed the fenced backup's last write")
    void aLaggingStandbyShouldStopBeforeThePromotion() {
        sites.beat(sites.backup);
        sites.databases.set("chat-a", new DatabaseHost.Standby("db1.example.org:5432", 41));

        assertThatThrownBy(() -> sites.failback().run("pool-a", Optional.empty(), Duration.ofMillis(50),
                sites.steps::add)).hasMessageStartingWith("[5/8] wait for store 'chat-a' to replay all the backup"
                        + " store wrote: stopped: after 0.1 s, db1.example.org:5432 has replayed up to 0/29 of 0/2A");
        assertThat(sites.databases.actions).containsExactly("fence db9.example.org:5432");

        sites.databases.set("chat-a", new DatabaseHost.Standby("db1.example.org:5432", 42));
        sites.store.topology().publish(sites.backup.topology().current().orElseThrow().document(),
                java.time.Instant.now(), 1);
        sites.beat(sites.store, "fe1", "fe2");
        sites.steps.clear();
        sites.failback().run("pool-a", Optional.empty(), WAIT, sites.steps::add);
        assertThat(sites.steps).extracting(StepReport::outcome).as("run again, it resumes where it stopped")
                .containsExactly(Outcome.DONE, Outcome.DONE, Outcome.ALREADY_DONE, Outcome.ALREADY_DONE,
                        Outcome.DONE, Outcome.DONE, Outcome.DONE, Outcome.DONE);
    }

    @Test
    @DisplayName("run again once done, the failback finds the pool normal and changes nothing")
    void aSecondRunShouldFindEverythingDone() {
        sites.beat(sites.backup);
        sites.store.topology().publish(sites.backup.topology().current().orElseThrow().document(),
                java.time.Instant.now(), 1);
        sites.beat(sites.store, "fe1", "fe2");
        sites.failback().run("pool-a", Optional.empty(), WAIT, r -> { });
        long version = sites.store.topology().current().orElseThrow().version();
        sites.databases.actions.clear();

        sites.failback().run("pool-a", Optional.empty(), WAIT, sites.steps::add);

        assertThat(sites.steps).extracting(StepReport::outcome).containsExactly(Outcome.DONE, Outcome.DONE,
                Outcome.ALREADY_DONE, Outcome.ALREADY_DONE, Outcome.ALREADY_DONE, Outcome.ALREADY_DONE,
                Outcome.ALREADY_DONE, Outcome.DONE);
        assertThat(sites.databases.actions).isEmpty();
        assertThat(sites.store.topology().current().orElseThrow().version()).isEqualTo(version);
    }
}
