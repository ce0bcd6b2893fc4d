package org.perch.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * What every attack works with: the run (its options, target and accounts), the attackers' own engine and probe
 * (apart from the well-behaved sessions', so that their event loops and counts are not shared), the busy rooms the
 * well-behaved sessions post in, and how many accounts those sessions use (the attackers' come after them).
 */
record AttackContext(LoadRun run, ClientEngine engine, LoadProbe probe, SourceAddresses sources,
                     List<String> busyRooms, int wellBehavedAccounts) {

    AbuseOptions options() {
        return run.options().abuse();
    }

    int size(AttackKind kind) {
        return options().size(kind);
    }

    Target target() {
        return run.target();
    }

    Duration timeout() {
        return Duration.ofSeconds(run.options().timeoutSeconds());
    }

    /** The {@code k}-th account of an attack: its own, after the well-behaved sessions' and earlier attacks'. */
    Accounts.Account account(AttackKind kind, int k) {
        return run.accounts().forSession(wellBehavedAccounts + options().firstAccount(kind) + k);
    }

    /** A room of the attacker's own, past the well-behaved rooms. */
    String ownRoom(int k) {
        return target().room(run.options().rooms() + k);
    }

    /**
     * Logs in {@code count} sessions of the attack with its accounts (a receive buffer of that size when positive),
     * so many at a time as --concurrency says; returns those that logged in. Failures count in the attackers' probe.
     */
    List<XmppSession> logIn(AttackKind kind, int count, int receiveBufferBytes) throws InterruptedException {
        InFlight.Batch<XmppSession> batch = inFlight().run(kind.option() + " login", count,
                k -> engine.login(account(kind, k), kind.option() + "-" + k, receiveBufferBytes));
        return batch.results().stream().flatMap(Optional::stream).toList();
    }

    /** A session of an attack in the room it joined. */
    record Member(XmppSession session, String room) {
    }

    /**
     * Joins each session to a room ({@code room} of its index) as {@code <nick><index>}; a session whose join created
     * the room opens it, as the well-behaved creators do. Returns the sessions that joined, with their rooms.
     */
    List<Member> join(List<XmppSession> sessions, IntFunction<String> room, String nick) throws InterruptedException {
        InFlight.Batch<XmppSession> batch = inFlight().run(nick + " join", sessions.size(), k -> {
            XmppSession session = sessions.get(k);
            String address = room.apply(k);
            return session.join(address, nick + k, 0).thenCompose(joined -> joined.created()
                    ? session.configure(address, false).thenApply(configured -> session)
                    : CompletableFuture.completedFuture(session));
        });
        List<Member> members = new ArrayList<>();
        for (int k = 0; k < sessions.size(); k++) {
            int index = k;
            batch.results().get(k).ifPresent(session -> members.add(new Member(session, room.apply(index))));
        }
        return members;
    }

    /** The busy room the {@code k}-th attacker of a kind joins: the well-behaved rooms in turn. */
    String busyRoom(int k) {
        return busyRooms.get(k % busyRooms.size());
    }

    /**
     * When sessions ended, in seconds after {@code startedNanos}, as they end; the attack reads the first and the
     * last. A session closed by the attacker itself ends after the attack read them.
     */
    static final class EndTimes {
        private final Map<XmppSession, Double> seconds = new ConcurrentHashMap<>();

        void watch(XmppSession session, long startedNanos) {
            session.ended().thenRun(() -> seconds.putIfAbsent(session, (System.nanoTime() - startedNanos) / 1e9));
        }

        /** The sessions that have ended so far, each with when. */
        Map<XmppSession, Double> soFar() {
            return Map.copyOf(seconds);
        }

        /** Adds "first ended after s" and "last ended after s" to {@code figures} if any had ended. */
        static void figures(Map<XmppSession, Double> ended, String what, Map<String, Double> figures) {
            ended.values().stream().mapToDouble(Double::doubleValue).min()
                    .ifPresent(first -> figures.put("first " + what + " after s", first));
            ended.values().stream().mapToDouble(Double::doubleValue).max()
                    .ifPresent(last -> figures.put("last " + what + " after s", last));
        }
    }

    /** How a session has ended, or {@link ConnectionEnds#STILL_OPEN}. */
    static String endOf(XmppSession session) {
        return session.ended().getNow(ConnectionEnds.STILL_OPEN);
    }

    /** Ends the stream politely and closes the connection (a session that has ended already is left alone). */
    static void close(XmppSession session) {
        if (session.channel() != null && session.channel().isActive()) {
            session.send(ClientStanzas.STREAM_END);
            session.channel().close();
        }
    }

    /** The stanza errors the attackers' sessions received since {@code before} (their ends are counted apart). */
    Map<String, Long> stanzaErrorsSince(Map<String, Long> before) {
        Map<String, Long> errors = difference(probe.errorKinds(), before);
        errors.keySet().removeIf(kind -> !kind.startsWith("error "));
        return errors;
    }

    /** Counts by kind in {@code now} minus those in {@code before}; kinds that did not grow are left out. */
    static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> grown = new TreeMap<>();
        now.forEach((kind, count) -> {
            long more = count - before.getOrDefault(kind, 0L);
            if (more > 0) {
                grown.put(kind, more);
            }
        });
        return grown;
    }

    private InFlight inFlight() {
        return new InFlight(run.options().concurrency(), timeout(), probe);
    }

}
