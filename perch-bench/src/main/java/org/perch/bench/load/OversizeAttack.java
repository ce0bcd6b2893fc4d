package org.perch.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Oversize: sessions that log in, send one message of {@code --oversize-bytes} bytes (larger than the server's
 * stanza limit), wait up to {@value #WAIT_SECONDS} s for the server to end the stream, and start again with a new
 * connection and login, over and over; each attacker on a thread of its own, as the waits block.
 */
final class OversizeAttack implements Attack {

    static final long WAIT_SECONDS = 10;

    private final AttackContext context;
    private final ConnectionEnds ends = new ConnectionEnds();
    private final LongAdder sent = new LongAdder();
    private final List<Thread> attackers = new ArrayList<>();
    private final String stanza;
    private volatile boolean running;
    private long startedNanos;
    private Map<String, Long> errorsBefore;

    OversizeAttack(AttackContext context) {
        this.context = context;
        this.stanza = stanza(context.target().domain(), context.options().oversizeBytes());
    }

    /** A chat message to the server of exactly {@code bytes} bytes (ASCII), most of them its body. */
    static String stanza(String to, int bytes) {
        String head = "<message to='" + ClientStanzas.escape(to) + "' type='chat'><body>";
        String tail = "</body></message>";
        return head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail;
    }

    @Override
    public AttackKind kind() {
        return AttackKind.OVERSIZE;
    }

    @Override
    public void start() {
        errorsBefore = context.probe().errorKinds();
        running = true;
        startedNanos = System.nanoTime();
        for (int k = 0; k < context.size(kind()); k++) {
            int attacker = k;
            attackers.add(Thread.ofPlatform().name("abuse-oversize-" + k).daemon().start(() -> attack(attacker)));
        }
    }

    private void attack(int attacker) {
        for (int round = 0; running; round++) {
            XmppSession session;
            try {
                session = context.engine()
                        .login(context.account(kind(), attacker), "oversize-" + attacker + "-" + round)
                        .get(context.timeout().toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                ends.add("login failed: " + SessionException.kindOf(e));
                pause();
                continue;
            } catch (InterruptedException e) {
                return;
            }
            session.send(stanza);
            sent.increment();
            try {
                ends.add(session.ended().get(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                ends.add(ConnectionEnds.STILL_OPEN + " " + WAIT_SECONDS + " s after the stanza");
                AttackContext.close(session);
            } catch (ExecutionException e) {
                ends.add(SessionException.kindOf(e));
            } catch (InterruptedException e) {
                AttackContext.close(session);
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public AttackOutcome stop() throws InterruptedException {
        running = false;
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        for (Thread attacker : attackers) {
            attacker.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS + 5));
            attacker.interrupt(); // one still waiting for a login
            attacker.join();
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("stanzas sent", (double) sent.sum());
        figures.put("stanzas/s", sent.sum() / seconds);
        return new AttackOutcome(kind(), context.size(kind()), seconds, ends.snapshot(), figures,
                context.stanzaErrorsSince(errorsBefore));
    }
}
