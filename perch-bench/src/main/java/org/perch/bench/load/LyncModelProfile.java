package org.perch.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import org.perch.bench.Latency;

/**
 * Lync's performance user model (spec §13.4: 80,000 users on a pool of 4 servers) at 1 : {@code --scale}, on one
 * server: 80,000 / scale users, each in 12 small rooms (30 occupants at 1:1), 2 medium (150) and 2 large (16,000),
 * the rooms of each size scaled with the users so that every user keeps 16 rooms; and the model's chat rate, 24
 * messages/s in all (22.22 small, 1.67 medium, 0.15 large), scaled the same way. The model's 10 joins/s and 133
 * presence changes/s are not replayed: the joins are done as fast as the server takes them, and measured.
 *
 * <p>Rooms are made first (each by its first member, who opens it), then every user joins the rest of its rooms in
 * turn; then the three classes post at their rates through a settle period and a measured window.
 */
final class LyncModelProfile {

    static final int LYNC_USERS = 80_000;

    /** One size of room in the model: how many rooms at 1:1, how many of them each user is in, its chat rate. */
    record RoomClass(String name, int lyncRooms, int roomsPerUser, double messagesPerSecond) {

        int rooms(int scale) {
            return Math.max(roomsPerUser, Math.round(lyncRooms / (float) scale));
        }
    }

    static final List<RoomClass> CLASSES = List.of(new RoomClass("small", 32_000, 12, 22.22),
            new RoomClass("medium", 1_067, 2, 1.67), new RoomClass("large", 10, 2, 0.15));

    /** What one class of rooms saw in the measured window. */
    record ClassResult(String name, int rooms, double meanOccupants, double offered, double deliveries) {
    }

    record Result(int scale, int users, int memberships, Population.Phase logins, Population.Phase joins,
                  List<ClassResult> classes, Latency latency, double sent, double deliveries,
                  OptionalDouble serverCpuShare, OptionalLong serverRssKib, OptionalLong serverHeapKib,
                  long errors, Map<String, Long> errorKinds) implements ProfileResult {
    }

    private LyncModelProfile() {
    }

    static int users(int scale) {
        return LYNC_USERS / scale;
    }

    static Result run(LoadRun run) throws InterruptedException {
        LoadOptions o = run.options();
        int users = users(o.scale());
        InFlight.Batch<XmppSession> logins = run.inFlight().run("login", users,
                i -> run.engine().login(run.accounts().forSession(i), "lync-" + i));

        List<List<List<Integer>>> members = members(users, o.scale(), u -> logins.results().get(u).isPresent());
        members.forEach(rooms -> rooms.removeIf(List::isEmpty)); // rooms nobody logged in to join are not made
        // A session joins one room at a time: each room's creator makes its rooms in turn, then the others join.
        Map<Integer, List<String>> byCreator = new LinkedHashMap<>();
        List<List<String>> toJoin = new ArrayList<>(); // per user, the rooms it joins once they are made
        for (int u = 0; u < users; u++) {
            toJoin.add(new ArrayList<>());
        }
        int rooms = 0;
        for (int c = 0; c < CLASSES.size(); c++) {
            for (int r = 0; r < members.get(c).size(); r++) {
                List<Integer> in = members.get(c).get(r);
                String address = address(run, c, r);
                rooms++;
                byCreator.computeIfAbsent(in.getFirst(), u -> new ArrayList<>()).add(address);
                in.subList(1, in.size()).forEach(u -> toJoin.get(u).add(address));
            }
        }
        List<Integer> creatorList = List.copyOf(byCreator.keySet());
        InFlight.Batch<Integer> created = run.inFlight().run("create", creatorList.size(), k -> createInTurn(
                logins.results().get(creatorList.get(k)).orElseThrow(), "u" + creatorList.get(k),
                byCreator.get(creatorList.get(k))));
        InFlight.Batch<Integer> joined = run.inFlight().run("join", users, u -> logins.results().get(u)
                .map(session -> joinInTurn(session, "u" + u, toJoin.get(u)))
                .orElseGet(() -> CompletableFuture.completedFuture(0)));
        int planned = rooms + toJoin.stream().mapToInt(List::size).sum();
        int memberships = 0;
        for (int k = 0; k < creatorList.size(); k++) {
            memberships += created.results().get(k).orElse(0); // a creator whose turn failed counts none of its rooms
        }
        for (int u = 0; u < users; u++) {
            memberships += joined.results().get(u).orElse(0); // a user whose turn failed counts none of its joins
        }
        Population.Phase loginPhase = Population.Phase.of(logins);
        Population.Phase joinPhase = new Population.Phase(planned, planned - memberships,
                created.seconds() + joined.seconds());
        run.report().joined(loginPhase, joinPhase);
        return post(run, users, memberships, members, logins, loginPhase, joinPhase);
    }

    /** Room r of class c. */
    private static String address(LoadRun run, int c, int r) {
        return "lync-" + CLASSES.get(c).name() + "-" + r + "@" + run.target().muc();
    }

    /**
     * Who is in which room: {@code members.get(c).get(r)} lists the users in room r of class c, in the order they
     * join it. User u is in rooms u·k, u·k + 1, … u·k + k - 1 (mod the class's rooms) of a class where each user is
     * in k rooms, so the users spread evenly and no user is twice in a room.
     */
    static List<List<List<Integer>>> members(int users, int scale, IntPredicate present) {
        List<List<List<Integer>>> members = new ArrayList<>();
        for (RoomClass c : CLASSES) {
            List<List<Integer>> rooms = new ArrayList<>();
            for (int r = 0; r < c.rooms(scale); r++) {
                rooms.add(new ArrayList<>());
            }
            for (int u = 0; u < users; u++) {
                if (present.test(u)) {
                    for (int k = 0; k < c.roomsPerUser(); k++) {
                        rooms.get((u * c.roomsPerUser() + k) % rooms.size()).add(u);
                    }
                }
            }
            members.add(rooms);
        }
        return members;
    }

    /** Joins the rooms one after another, opening each it creates; completes with how many, or fails. */
    private static CompletableFuture<Integer> createInTurn(XmppSession session, String nick, List<String> rooms) {
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
        for (String room : rooms) {
            chain = chain.thenCompose(count -> session.join(room, nick, 0).thenCompose(joined -> joined.created()
                    ? session.configure(room, false).thenApply(done -> count + 1)
                    : CompletableFuture.completedFuture(count + 1)));
        }
        return chain;
    }

    /** Joins the rooms one after another; completes with how many it joined, or fails with the first refusal. */
    private static CompletableFuture<Integer> joinInTurn(XmppSession session, String nick, List<String> rooms) {
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
        for (String room : rooms) {
            chain = chain.thenCompose(count -> session.join(room, nick, 0).thenApply(joined -> count + 1));
        }
        return chain;
    }

    private static Result post(LoadRun run, int users, int memberships, List<List<List<Integer>>> members,
                               InFlight.Batch<XmppSession> logins, Population.Phase loginPhase,
                               Population.Phase joinPhase) throws InterruptedException {
        LoadOptions o = run.options();
        List<GroupchatPoster> posters = new ArrayList<>();
        List<ClassResult> classes = new ArrayList<>();
        double expectedDeliveries = 0;
        for (int c = 0; c < CLASSES.size(); c++) {
            RoomClass roomClass = CLASSES.get(c);
            List<List<XmppSession>> rooms = new ArrayList<>();
            List<String> classAddresses = new ArrayList<>();
            for (int r = 0; r < members.get(c).size(); r++) {
                rooms.add(members.get(c).get(r).stream().map(u -> logins.results().get(u).orElseThrow()).toList());
                classAddresses.add(address(run, c, r));
            }
            double rate = roomClass.messagesPerSecond() / o.scale();
            double meanOccupants = rooms.stream().mapToInt(List::size).average().orElse(0);
            classes.add(new ClassResult(roomClass.name(), rooms.size(), meanOccupants, rate, rate * meanOccupants));
            expectedDeliveries += rate * meanOccupants;
            posters.add(new GroupchatPoster(rooms, classAddresses));
        }
        for (int c = 0; c < posters.size(); c++) {
            posters.get(c).start(classes.get(c).offered());
        }
        MeasuredWindow window = MeasuredWindow.of(run, posters, o.settleSeconds());
        System.out.printf("lync: expected %.0f deliveries/s at the model's rates%n", expectedDeliveries);
        OptionalLong heap = run.server().map(ServerProcess::heapAfterGcKib).orElse(OptionalLong.empty());
        return new Result(o.scale(), users, memberships, loginPhase, joinPhase, classes,
                Latency.of(window.latencies()), window.perSecond(window.counts().sent()),
                window.perSecond(window.counts().deliveries()), window.serverCpuShare(), window.serverRssKib(), heap,
                run.probe().counts().errors(), run.probe().errorKinds());
    }
}
