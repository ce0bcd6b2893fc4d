package org.perch.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The sessions of a run, logged in and joined: session i joins room i mod R as nick {@code s<i>}. The first session
 * of each room joins alone first, and if its join created the room it opens it (a new Perch room is members only);
 * then every other session joins. Logins and joins are timed separately.
 */
final class Population {

    /** One timed phase: how many operations, how many failed, how long it all took. */
    record Phase(int attempted, int failed, double seconds) {
        /** A batch as a phase: all of its operations, those that failed, the time it took. */
        static Phase of(InFlight.Batch<?> batch) {
            return new Phase(batch.results().size(), batch.failures(), batch.seconds());
        }

        double perSecond() {
            return seconds > 0 ? (attempted - failed) / seconds : 0;
        }
    }

    private final List<List<XmppSession>> rooms;
    private final Phase logins;
    private final Phase joins;

    private Population(List<List<XmppSession>> rooms, Phase logins, Phase joins) {
        this.rooms = rooms;
        this.logins = logins;
        this.joins = joins;
    }

    static Population join(LoadRun run, int sessions, int roomCount) throws InterruptedException {
        InFlight inFlight = run.inFlight();
        InFlight.Batch<XmppSession> logins = inFlight.run("login", sessions,
                i -> run.engine().login(run.accounts().forSession(i), "load-" + i));
        List<Optional<XmppSession>> sessionList = logins.results();

        List<Integer> creators = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        boolean[] roomHasCreator = new boolean[roomCount];
        for (int i = 0; i < sessions; i++) {
            if (sessionList.get(i).isEmpty()) {
                continue;
            }
            if (!roomHasCreator[i % roomCount]) {
                roomHasCreator[i % roomCount] = true;
                creators.add(i);
            } else {
                others.add(i);
            }
        }
        List<List<XmppSession>> members = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            members.add(new ArrayList<>());
        }
        InFlight.Batch<XmppSession> created = inFlight.run("create", creators.size(),
                k -> joinOrCreate(run, sessionList.get(creators.get(k)).orElseThrow(), creators.get(k), roomCount));
        InFlight.Batch<XmppSession> joined = inFlight.run("join", others.size(),
                k -> join(run, sessionList.get(others.get(k)).orElseThrow(), others.get(k), roomCount));
        collect(created, creators, roomCount, members);
        collect(joined, others, roomCount, members);
        Phase joins = new Phase(creators.size() + others.size(), created.failures() + joined.failures(),
                created.seconds() + joined.seconds());
        return new Population(members, Phase.of(logins), joins);
    }

    /** The joined sessions of each room. */
    List<List<XmppSession>> rooms() {
        return rooms;
    }

    int joined() {
        return rooms.stream().mapToInt(List::size).sum();
    }

    Phase logins() {
        return logins;
    }

    Phase joins() {
        return joins;
    }

    private static CompletableFuture<XmppSession> joinOrCreate(LoadRun run, XmppSession session, int index,
                                                               int roomCount) {
        String room = run.target().room(index % roomCount);
        return session.join(room, "s" + index, 0).thenCompose(joined -> joined.created()
                ? session.configure(room, false).thenApply(configured -> session)
                : CompletableFuture.completedFuture(session));
    }

    private static CompletableFuture<XmppSession> join(LoadRun run, XmppSession session, int index, int roomCount) {
        return session.join(run.target().room(index % roomCount), "s" + index, 0).thenApply(joined -> session);
    }

    private static void collect(InFlight.Batch<XmppSession> batch, List<Integer> indexes, int roomCount,
                                List<List<XmppSession>> members) {
        for (int k = 0; k < indexes.size(); k++) {
            int room = indexes.get(k) % roomCount;
            batch.results().get(k).ifPresent(session -> members.get(room).add(session));
        }
    }
}
