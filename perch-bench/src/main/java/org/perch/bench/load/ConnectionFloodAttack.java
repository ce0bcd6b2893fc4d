package org.perch.bench.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connection flood: from one address (the first of {@code --attack-sources}), more connections than the server's
 * per-address limit, opened as fast as they go: the attack's size is how many are in flight at once, and each one
 * that ends is replaced at once. Each connection sends a stream header; one the server admits (it answers with its
 * own header) is held {@value #HOLD_MILLIS} ms and closed, so that the attacker keeps the address at its limit while
 * the rest knock.
 */
final class ConnectionFloodAttack implements Attack {

    static final long HOLD_MILLIS = 1_000;
    static final String ADMITTED = "admitted (the server's stream header), closed by the attacker after "
            + HOLD_MILLIS / 1_000 + " s";
    static final String IN_FLIGHT = "in flight when the attack stopped";
    private static final String STOPPED = "stopped";
    private static final long RETRY_MILLIS = 10;

    private final AttackContext context;
    private final ConnectionEnds ends = new ConnectionEnds();
    private final LongAdder attempts = new LongAdder();
    private final Set<RawConnection> open = ConcurrentHashMap.newKeySet();
    private final byte[] header;
    private InetAddress source;
    private volatile boolean running;
    private long startedNanos;

    ConnectionFloodAttack(AttackContext context) {
        this.context = context;
        this.header = ClientStanzas.streamHeader(context.target().domain()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AttackKind kind() {
        return AttackKind.CONNECTION_FLOOD;
    }

    @Override
    public void start() {
        source = SourceAddresses.parse(context.options().attackSources()).next();
        running = true;
        startedNanos = System.nanoTime();
        for (int i = 0; i < context.size(kind()); i++) {
            open();
        }
    }

    private void open() {
        if (!running) {
            return;
        }
        attempts.increment();
        RawConnection connection = new RawConnection(
                c -> c.channel().writeAndFlush(Unpooled.wrappedBuffer(header)),
                c -> c.channel().eventLoop().schedule(() -> c.close(ADMITTED), HOLD_MILLIS, TimeUnit.MILLISECONDS));
        open.add(connection);
        connection.ended().thenAccept(how -> {
            open.remove(connection);
            if (!how.equals(STOPPED)) {
                ends.add(how);
            }
            if (!how.startsWith("connect failed")) {
                open();
            }
        });
        ChannelFuture connect = context.engine().connectRaw(connection, source);
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                connection.connectFailed(done.cause());
                connect.channel().eventLoop().schedule(this::open, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public AttackOutcome stop() {
        running = false;
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        for (RawConnection connection : Set.copyOf(open)) {
            if (!connection.ended().isDone()) {
                ends.add(IN_FLIGHT);
            }
            connection.close(STOPPED);
        }
        Map<String, Long> ended = ends.snapshot();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("connections/s", attempts.sum() / seconds);
        figures.put("admitted/s", ended.getOrDefault(ADMITTED, 0L) / seconds);
        figures.put("refused/s", ended.getOrDefault(RawConnection.REFUSED, 0L) / seconds);
        return new AttackOutcome(kind(), context.size(kind()), seconds, ended, figures, Map.of());
    }
}
