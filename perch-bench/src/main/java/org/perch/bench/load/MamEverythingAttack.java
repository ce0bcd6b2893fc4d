package org.perch.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.perch.bench.Latency;

/**
 * MAM everything: sessions that join one of the busy well-behaved rooms each and ask for the newest
 * {@value #MAX} messages of its archive (XEP-0313 with RSM max), one page after another as each answer ends, each
 * attacker on a thread of its own. A server that honours the max sends the whole archive every time; one that caps
 * pages sends its cap.
 */
final class MamEverythingAttack implements Attack {

    static final int MAX = 1_000_000;

    private final AttackContext context;
    private final List<AttackContext.Member> members = new ArrayList<>();
    private final List<Thread> attackers = new ArrayList<>();
    private final ConnectionEnds failures = new ConnectionEnds();
    private final LongAdder pages = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAccumulator largest = new LongAccumulator(Math::max, 0);
    private final Recorder latencies = new Recorder(3);
    private volatile boolean running;
    private long startedNanos;
    private Map<String, Long> errorsBefore;

    MamEverythingAttack(AttackContext context) {
        this.context = context;
    }

    @Override
    public AttackKind kind() {
        return AttackKind.MAM_EVERYTHING;
    }

    @Override
    public void start() throws InterruptedException {
        List<XmppSession> loggedIn = context.logIn(kind(), context.size(kind()), 0);
        members.addAll(context.join(loggedIn, context::busyRoom, "mam"));
        errorsBefore = context.probe().errorKinds();
        running = true;
        startedNanos = System.nanoTime();
        for (int k = 0; k < members.size(); k++) {
            AttackContext.Member member = members.get(k);
            attackers.add(Thread.ofPlatform().name("abuse-mam-" + k).daemon().start(() -> attack(member)));
        }
    }

    private void attack(AttackContext.Member member) {
        while (running && !member.session().ended().isDone()) {
            long start = System.nanoTime();
            try {
                int count = member.session().mamPage(member.room(), MAX)
                        .get(context.timeout().toSeconds(), TimeUnit.SECONDS);
                latencies.recordValue(System.nanoTime() - start);
                pages.increment();
                messages.add(count);
                largest.accumulate(count);
            } catch (ExecutionException e) {
                failures.add("query failed: " + SessionException.kindOf(e));
            } catch (TimeoutException e) {
                failures.add("query unanswered after " + context.timeout().toSeconds() + " s");
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public AttackOutcome stop() throws InterruptedException {
        running = false;
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        for (Thread attacker : attackers) {
            attacker.join(context.timeout().toMillis());
            attacker.interrupt();
            attacker.join();
        }
        ConnectionEnds ends = new ConnectionEnds();
        members.forEach(m -> ends.add(AttackContext.endOf(m.session())));
        Map<String, Long> stanzaErrors = context.stanzaErrorsSince(errorsBefore);
        stanzaErrors.putAll(failures.snapshot());
        members.forEach(m -> AttackContext.close(m.session()));
        Latency latency = Latency.of(latencies.getIntervalHistogram());
        long answered = pages.sum();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("pages/s", answered / seconds);
        figures.put("messages per page", answered == 0 ? 0 : messages.sum() / (double) answered);
        figures.put("largest page", (double) largest.get());
        figures.put("page p50 ms", latency.p50());
        figures.put("page p99 ms", latency.p99());
        return new AttackOutcome(kind(), context.size(kind()), seconds, ends.snapshot(), figures, stanzaErrors);
    }
}
