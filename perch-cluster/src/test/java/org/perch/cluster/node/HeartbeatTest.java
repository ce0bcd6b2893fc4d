package org.perch.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolNode;
import org.perch.store.Store;
import org.perch.store.memory.InMemoryStore;

class HeartbeatTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration EVERY = Duration.ofSeconds(2);
    private static final Duration SILENT_AFTER = Duration.ofSeconds(10);

    private final Store store = new InMemoryStore();
    private final NodeRegistry registry = store.nodes();
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong feedPosition = new AtomicLong();
    private final List<PoolNode> gone = new ArrayList<>();

    private Heartbeat heartbeat(String server) {
        return new Heartbeat(store, new PoolNode(server, "pool-a", server + ".example.org", true, T0, T0, 0, 0),
                clock, EVERY, SILENT_AFTER, connections::get, feedPosition::get, () -> true, gone::add);
    }

    @Test
    void startingShouldRegisterAndEachBeatReportTheFigures() {
        try (Heartbeat fe1 = heartbeat("fe1").start()) {
            clock.advance(EVERY);
            connections.set(42);
            feedPosition.set(1_000);
            fe1.beatOnce();

            assertThat(registry.nodes()).containsExactly(new PoolNode("fe1", "pool-a", "fe1.example.org", true, T0,
                    T0.plus(EVERY), 42, 1_000));
        }
    }

    @Test
    void aSilentServerShouldBeRemovedAndReportedOnceByWhicheverServerSweepsFirst() {
        try (Heartbeat fe1 = heartbeat("fe1").start(); Heartbeat fe2 = heartbeat("fe2").start();
             Heartbeat fe3 = heartbeat("fe3").start()) {
            // fe3 stops beating (killed: no close, so it never leaves on its own).
            clock.advance(SILENT_AFTER);
            fe1.beatOnce();
            fe2.beatOnce();
            assertThat(gone).as("silent for exactly silentAfter is not yet gone").isEmpty();

            clock.advance(Duration.ofSeconds(1));
            fe1.beatOnce();
            fe2.beatOnce();

            assertThat(gone).extracting(PoolNode::server).containsExactly("fe3");
            assertThat(registry.nodes()).extracting(PoolNode::server).containsExactly("fe1", "fe2");
        }
    }

    @Test
    void aServerRemovedAsSilentShouldRegisterAgainAtItsNextBeat() {
        try (Heartbeat fe1 = heartbeat("fe1").start(); Heartbeat fe2 = heartbeat("fe2").start()) {
            clock.advance(SILENT_AFTER.plusSeconds(1));
            fe2.beatOnce(); // fe1 paused (a long GC, a lost database): fe2 lets it go
            assertThat(gone).extracting(PoolNode::server).containsExactly("fe1");

            fe1.beatOnce();

            assertThat(registry.nodes()).extracting(PoolNode::server).containsExactly("fe1", "fe2");
            assertThat(registry.nodes().getFirst().lastBeat()).isEqualTo(clock.instant());
        }
    }

    @Test
    void closingShouldLeaveThePoolAtOnce() {
        Heartbeat fe1 = heartbeat("fe1").start();

        fe1.close();

        assertThat(registry.nodes()).isEmpty();
        assertThat(gone).as("a server that left is not reported gone").isEmpty();
    }

    @Test
    void aSilenceShorterThanTwoBeatsShouldBeRefused() {
        assertThatThrownBy(() -> new Heartbeat(store, new PoolNode("fe1", "pool-a", "h", true, T0, T0, 0, 0),
                clock, EVERY, Duration.ofSeconds(3), connections::get, feedPosition::get, () -> true, gone::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least twice every");
    }

    /** A clock the test moves by hand, so that silences take no real time. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
