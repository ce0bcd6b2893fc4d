package org.perch.cluster.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.store.cluster.PoolNode;
import org.perch.store.h2.H2Store;

/**
 * The heartbeat's sweep over a store with transactions (H2; perch-cluster itself may not depend on one): a gone
 * server's removal commits with what the server that noticed writes about it, or not at all.
 */
class HeartbeatInStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aServerWhoseDepartureCouldNotBeToldShouldStayRegisteredUntilASweepTellsIt(@TempDir Path dir) {
        Clock[] now = {Clock.fixed(T0, ZoneOffset.UTC)};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0].instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try (Store store = H2Store.open(dir)) {
            AtomicInteger failuresLeft = new AtomicInteger(1);
            Consumer<PoolNode> tell = node -> {
                store.feed().append(List.of(new NewPoolEvent("fe2", Optional.empty(), PoolEventKind.SERVER_GONE,
                        node.server(), "", clock.instant())));
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new StoreException("the pool feed is unreachable");
                }
            };
            try (Heartbeat fe1 = heartbeat(store, "fe1", clock, node -> { }).start();
                 Heartbeat fe2 = heartbeat(store, "fe2", clock, tell).start()) {
                now[0] = Clock.fixed(T0.plus(Heartbeat.SILENT_AFTER).plusSeconds(1), ZoneOffset.UTC);

                assertThatThrownBy(fe2::beatOnce).isInstanceOf(StoreException.class);
                assertThat(store.nodes().nodes()).as("the removal rolled back with the failed telling")
                        .extracting(PoolNode::server).containsExactly("fe1", "fe2");
                assertThat(store.feed().lastPosition()).isZero();

                fe2.beatOnce();

                assertThat(store.nodes().nodes()).extracting(PoolNode::server).containsExactly("fe2");
                assertThat(store.feed().after(0, 10)).extracting(PoolEvent::subject).containsExactly("fe1");
            }
        }
    }

    private static Heartbeat heartbeat(Store store, String server, Clock clock, Consumer<PoolNode> onServerGone) {
        return new Heartbeat(store, new PoolNode(server, "pool-a", server + ".example.org", true, T0, T0, 0, 0),
                clock, Heartbeat.EVERY, Heartbeat.SILENT_AFTER, () -> 0, () -> 0L, () -> true, onServerGone);
    }
}
