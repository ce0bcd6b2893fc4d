package org.perch.bench.load;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Slow reader: sessions that join one of the busy well-behaved rooms each, with a socket receive buffer of
 * {@value #RECEIVE_BUFFER} bytes, and then stop reading (Netty's autoRead off), while every
 * {@value #QUERY_MILLIS} ms they ask for a page of {@value #PAGE} messages of the room's archive: the room's
 * traffic and the pages (tens of KiB each) pile up in the TCP window, then in the server's send buffer, then in
 * whatever the server keeps above it, within seconds rather than the minutes the room's traffic alone would take. At
 * the end each resumes reading, to see whether the server had closed it. That it was closed, and when, is all it can
 * report: a client that does not read cannot read a stream error either. A query written after the server closed
 * is answered by a reset, which ends the session then. Before they read again, what the server's kernel holds for
 * them ({@link SocketQueues}) is read too, when the server runs on this machine.
 */
final class SlowReaderAttack implements Attack {

    static final int RECEIVE_BUFFER = 4_096;
    static final long QUERY_MILLIS = 1_000;
    static final int PAGE = 50;
    /** How long a slow reader that resumed reading is given to find out that it had been closed. */
    private static final long DRAIN_MILLIS = 3_000;

    private final AttackContext context;
    private final List<AttackContext.Member> members = new ArrayList<>();
    private final List<ScheduledFuture<?>> queries = new ArrayList<>();
    private final AttackContext.EndTimes endTimes = new AttackContext.EndTimes();
    private long startedNanos;
    private Map<String, Long> errorsBefore;

    SlowReaderAttack(AttackContext context) {
        this.context = context;
    }

    @Override
    public AttackKind kind() {
        return AttackKind.SLOW_READER;
    }

    @Override
    public void start() throws InterruptedException {
        List<XmppSession> loggedIn = context.logIn(kind(), context.size(kind()), RECEIVE_BUFFER);
        members.addAll(context.join(loggedIn, context::busyRoom, "slow"));
        errorsBefore = context.probe().errorKinds();
        startedNanos = System.nanoTime();
        for (AttackContext.Member member : members) {
            XmppSession session = member.session();
            Channel channel = session.channel();
            channel.config().setAutoRead(false);
            endTimes.watch(session, startedNanos);
            int[] next = {0};
            queries.add(channel.eventLoop().scheduleAtFixedRate(() -> {
                if (channel.isActive() && channel.isWritable()) {
                    String id = "slow" + next[0]++;
                    session.send(ClientStanzas.mamQuery(id, member.room(), id, PAGE));
                }
            }, 0, QUERY_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    private boolean serverIsLocal() {
        try {
            return InetAddress.getByName(context.target().host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public AttackOutcome stop() throws InterruptedException {
        queries.forEach(q -> q.cancel(false));
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<XmppSession, Double> whileNotReading = endTimes.soFar();
        OptionalLong queued = serverIsLocal() ? SocketQueues.serverSendQueue(context.target().port(),
                Set.copyOf(context.sources().all())) : OptionalLong.empty();
        for (AttackContext.Member member : members) {
            Channel channel = member.session().channel();
            channel.config().setAutoRead(true);
            channel.read();
        }
        Thread.sleep(DRAIN_MILLIS);
        ConnectionEnds ends = new ConnectionEnds();
        for (AttackContext.Member member : members) {
            XmppSession session = member.session();
            String end = AttackContext.endOf(session);
            if (whileNotReading.containsKey(session)) {
                ends.add(end + " while not reading");
            } else if (end.equals(ConnectionEnds.STILL_OPEN)) {
                ends.add(end);
            } else {
                ends.add(end + " (found on reading again)");
            }
        }
        Map<String, Long> stanzaErrors = context.stanzaErrorsSince(errorsBefore);
        members.forEach(m -> AttackContext.close(m.session()));
        Map<String, Double> figures = new LinkedHashMap<>();
        queued.ifPresent(bytes -> figures.put("server's kernel send queue KiB each",
                bytes / 1024.0 / Math.max(1, members.size())));
        AttackContext.EndTimes.figures(whileNotReading, "closed", figures);
        return new AttackOutcome(kind(), context.size(kind()), seconds, ends.snapshot(), figures, stanzaErrors);
    }
}
