package org.perch.bench.load;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.perch.bench.Latency;

/**
 * Flood: logged-in sessions, each alone in a room of its own, writing groupchat messages for as long as their
 * channel is writable, in batches, and again each time it becomes writable: as fast as the server takes them off
 * the socket, and no faster, so that the attacker's own buffers stay bounded. A flooder the server disconnects logs
 * in again, joins its room again and goes on, for as long as the attack runs (each attacker on a thread of its own,
 * as logins and joins are waited for): a server that only closes a flooder is flooded again a login later.
 *
 * <p>The messages carry a send stamp, so the room's reflections to the flooder tell how far behind the server is on
 * the flooder's own messages. A write that fails does not close the connection: the flooder goes on reading, so
 * that a stream error the server sent before it closed is still seen.
 */
final class FloodAttack implements Attack {

    /** Messages written before a flush and a turn of the event loop (so that the flooder also reads). */
    private static final int BATCH = 64;

    private final AttackContext context;
    private final LongAdder written = new LongAdder();
    private final LongAdder sessions = new LongAdder();
    private final LongAdder endedSessions = new LongAdder();
    private final LongAdder endedNanos = new LongAdder();
    private final ConnectionEnds ends = new ConnectionEnds();
    private final List<XmppSession> current = new CopyOnWriteArrayList<>();
    private final List<Thread> attackers = new ArrayList<>();
    private volatile boolean running;
    private long startedNanos;
    private LoadProbe.Counts countsBefore;
    private Map<String, Long> errorsBefore;

    FloodAttack(AttackContext context) {
        this.context = context;
    }

    @Override
    public AttackKind kind() {
        return AttackKind.FLOOD;
    }

    @Override
    public void start() {
        countsBefore = context.probe().counts();
        errorsBefore = context.probe().errorKinds();
        context.probe().latenciesSinceLastCall();
        running = true;
        startedNanos = System.nanoTime();
        for (int k = 0; k < context.size(kind()); k++) {
            int attacker = k;
            attackers.add(Thread.ofPlatform().name("abuse-flood-" + k).daemon().start(() -> attack(attacker)));
        }
    }

    /** Logs in, joins the attacker's room and floods it until the server ends the session; again, until stopped. */
    private void attack(int attacker) {
        String room = context.ownRoom(attacker);
        long timeout = context.timeout().toSeconds();
        for (int round = 0; running; round++) {
            XmppSession session;
            try {
                session = context.engine()
                        .login(context.account(kind(), attacker), "flood-" + attacker + "-" + round)
                        .get(timeout, TimeUnit.SECONDS);
                AwaitedReplies.Joined joined = session.join(room, "flood" + attacker, 0)
                        .get(timeout, TimeUnit.SECONDS);
                if (joined.created()) {
                    session.configure(room, false).get(timeout, TimeUnit.SECONDS);
                }
            } catch (ExecutionException | TimeoutException e) {
                ends.add("login or join failed: " + SessionException.kindOf(e));
                if (!pause()) {
                    return;
                }
                continue;
            } catch (InterruptedException e) {
                return;
            }
            long began = System.nanoTime();
            current.add(session);
            sessions.increment();
            Channel channel = session.channel();
            // A write that fails (the server has closed) then shuts the output only, and the flooder still reads
            // what the server sent before it closed: its stream error, if it sent one.
            channel.config().setAutoClose(false);
            Flooder flooder = new Flooder(session, room);
            channel.pipeline().addLast("flood", flooder);
            channel.eventLoop().execute(flooder::pump);
            try {
                while (running && !session.ended().isDone()) {
                    try {
                        session.ended().get(200, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // still flooding
                    }
                }
            } catch (ExecutionException e) {
                // ended() never fails
            } catch (InterruptedException e) {
                return;
            }
            if (session.ended().isDone()) {
                ends.add(session.ended().join());
                current.remove(session);
                endedSessions.increment();
                endedNanos.add(System.nanoTime() - began);
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public AttackOutcome stop() throws InterruptedException {
        running = false;
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        for (Thread attacker : attackers) {
            attacker.join(1_000);
            attacker.interrupt(); // one still waiting for a login
            attacker.join();
        }
        LoadProbe.Counts counts = context.probe().counts().minus(countsBefore);
        Latency reflected = Latency.of(context.probe().latenciesSinceLastCall());
        Map<String, Long> stanzaErrors = context.stanzaErrorsSince(errorsBefore);
        for (XmppSession session : current) {
            ends.add(AttackContext.endOf(session));
            AttackContext.close(session);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("sessions", (double) sessions.sum());
        if (endedSessions.sum() > 0) {
            figures.put("mean session ms", endedNanos.sum() / 1e6 / endedSessions.sum());
        }
        // What the flooders wrote into their sockets: the kernel's buffers on both sides take megabytes before the
        // channel turns unwritable, and what a server that closes the connection has not read is lost with it.
        figures.put("msg/s into the socket", written.sum() / seconds);
        figures.put("reflected msg/s", counts.deliveries() / seconds);
        if (reflected.count() > 0) {
            figures.put("reflection p99 ms", reflected.p99());
        }
        return new AttackOutcome(kind(), context.size(kind()), seconds, ends.snapshot(), figures, stanzaErrors);
    }

    /** Writes one session's messages on its event loop; the last handler of its pipeline, for writability. */
    private final class Flooder extends ChannelInboundHandlerAdapter {

        private final XmppSession session;
        private final String room;

        Flooder(XmppSession session, String room) {
            this.session = session;
            this.room = room;
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                pump();
            }
            ctx.fireChannelWritabilityChanged();
        }

        void pump() {
            Channel channel = session.channel();
            if (!running || !channel.isActive()) {
                return;
            }
            int n = 0;
            while (n < BATCH && channel.isWritable()) {
                channel.write(ByteBufUtil.writeUtf8(channel.alloc(),
                        ClientStanzas.groupchat(room, "t=" + System.nanoTime() + " flood")));
                n++;
            }
            channel.flush();
            written.add(n);
            for (int i = 0; i < n; i++) {
                context.probe().sent();
            }
            if (channel.isWritable()) {
                channel.eventLoop().execute(this::pump);
            }
        }
    }
}
