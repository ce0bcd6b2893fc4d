package org.perch.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.account.ScramCredentials;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.domain.feeds.FeedAlerts;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.store.Account;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.feeds.TopicFilter;

/**
 * What topic feeds cost the posting of messages, and whether matching keeps up (ADR 0009): {@link PersistRate}'s
 * {@code HistoryWriter} run (64 posters on the embedded H2 store) with no topic feeds, then with {@code --users}
 * accounts of 5 filters each matched by a running {@link TopicFeeds} in the same store, alternately for several
 * rounds. {@code --watchers} of those users also watch a word common in the bench's messages, so that about one
 * message in five makes entries (the rest of the filters name topic words no message holds). With feeds on, the run
 * reports how far the matcher was behind when posting stopped and how long it took to catch up, which is its
 * throughput with the writer competing for the store.
 *
 * <pre>java -cp benchmarks.jar org.perch.bench.FeedsCost [--users 10000] [--watchers 20] [--posters 64]
 *     [--rounds 2] [--warmup 5] [--measure 30]</pre>
 */
public final class FeedsCost {
    private static final String[] COMMON = {"deploy", "release", "budget", "customer", "report", "review"};
    private static final int FILTERS_PER_USER = 5;

    /**
     * @param behind messages stored but not yet matched when posting stopped
     * @param drain how long the matcher then took to match them
     * @param matchedPerSecond messages matched from the first post to the end of the drain, per second
     */
    private record Round(PersistRate.Result off, PersistRate.Result on, long behind, Duration drain,
                         double matchedPerSecond) {
    }

    private final PersistRate bench;
    private final int users;
    private final int watchers;
    private final int posters;

    private FeedsCost(PersistRate bench, int users, int watchers, int posters) {
        this.bench = bench;
        this.users = users;
        this.watchers = watchers;
        this.posters = posters;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> options = new HashMap<>(Map.of("--users", 10_000L, "--watchers", 20L,
                "--posters", 64L, "--rounds", 2L, "--warmup", 5L, "--measure", 30L));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: FeedsCost [--users N] [--watchers N] [--posters P] [--rounds R]"
                        + " [--warmup SECONDS] [--measure SECONDS]");
                System.exit(2);
            }
            options.put(args[i], Long.parseLong(args[i + 1].replace("_", "")));
        }
        FeedsCost cost = new FeedsCost(new PersistRate(0, options.get("--warmup") * 1000,
                options.get("--measure") * 1000), options.get("--users").intValue(),
                options.get("--watchers").intValue(), options.get("--posters").intValue());
        System.out.printf(Locale.ROOT, "feeds: %,d users of %d filters, %d watching a common word; %d posters;"
                        + " %d CPUs, Java %s; load average %s%n", cost.users, FILTERS_PER_USER, cost.watchers,
                cost.posters, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                PersistRate.loadAverage());
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= options.get("--rounds"); r++) {
            rounds.add(cost.round(r));
        }
        report(rounds);
    }

    private Round round(int r) throws Exception {
        PersistRate.Result off = bench.inScratchStore(Optional.empty(), (dir, store) -> bench.writer(store,
                store.history(), posters, "round " + r + ", feeds off"));
        Round[] on = new Round[1];
        bench.inScratchStore(Optional.empty(), (dir, store) -> {
            on[0] = withFeeds(store, r, off);
            return on[0].on();
        });
        return on[0];
    }

    private Round withFeeds(Store store, int r, PersistRate.Result off) {
        ChatRooms chat = new ChatRooms(store, ChatSettings.DEFAULTS, Clock.systemUTC(), e -> { },
                Jid.domainOnly(MessageFactory.CHAT_DOMAIN));
        openEverything(store);
        List<Jid> readers = addReaders(store);
        try (TopicFeeds feeds = new TopicFeeds(store.topicFeeds(), store.history(), store.accounts(), chat,
                Clock.systemUTC(), "bench", owner -> { })) {
            saveFilters(store, readers);
            feeds.start(FeedAlerts.NONE);
            long first = store.history().lastId();
            Instant began = Instant.now();
            PersistRate.Result on = bench.writer(store, store.history(), posters, "round " + r + ", feeds on");
            long last = store.history().lastId();
            long behind = last - feeds.matchedThrough();
            Instant stopped = Instant.now();
            feeds.wake();
            while (feeds.matchedThrough() < last) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // the benchmark's own clock: 5 ms resolution
            }
            Instant drained = Instant.now();
            return new Round(off, on, behind, Duration.between(stopped, drained),
                    (last - first) / (Duration.between(began, drained).toMillis() / 1e3));
        }
    }

    /** Every user of example.org may read every bench room, and Persistent Chat is on. */
    private static void openEverything(Store store) {
        Category category = store.categories().findByName(Dataset.CATEGORY).orElseThrow();
        store.categories().update(category.withAllowedMembers(Set.of(new Principal.Domain("example.org"))));
        for (Room room : Dataset.rooms(store)) {
            store.rooms().update(room.withSettings(room.settings().withPrivacy(Privacy.OPEN)));
        }
        store.policies().update(ChatPolicy.GLOBAL_DEFAULT.withEnablePersistentChat(true));
    }

    private List<Jid> addReaders(Store store) {
        List<Jid> readers = new ArrayList<>(users);
        // One verifier for all: deriving one per account would cost seconds of PBKDF2 and measure nothing.
        Map<ScramMechanism, ScramCredential> credentials = ScramCredentials.deriveAll("bench reader password", 4096,
                new SecureRandom());
        for (int u = 0; u < users; u++) {
            Jid reader = Jid.of("reader" + u + "@example.org");
            store.accounts().create(new Account(reader, credentials, false, Instant.now()));
            readers.add(reader);
        }
        return readers;
    }

    private void saveFilters(Store store, List<Jid> readers) {
        SplittableRandom random = new SplittableRandom(11);
        for (int u = 0; u < readers.size(); u++) {
            for (int f = 0; f < FILTERS_PER_USER; f++) {
                List<String> keywords = new ArrayList<>(List.of(topic(random), topic(random), topic(random)));
                if (u < watchers && f == 0) {
                    keywords.add(COMMON[random.nextInt(COMMON.length)]);
                }
                store.topicFeeds().saveFilter(new TopicFilter("f" + f, readers.get(u), "filter " + f, keywords,
                        List.of(topic(random) + " " + topic(random)), List.of(), List.of(), false));
            }
        }
    }

    private static String topic(SplittableRandom random) {
        return "topic" + random.nextInt(100_000);
    }

    private static void report(List<Round> rounds) {
        System.out.printf(Locale.ROOT, "%nfeeds: results (load average now %s)%n", PersistRate.loadAverage());
        System.out.printf(Locale.ROOT, "%-6s %11s %11s %7s %15s %15s %12s %10s %12s%n", "round", "off msg/s",
                "on msg/s", "on/off", "off p50/p99 ms", "on p50/p99 ms", "behind msgs", "drain s",
                "matched/s");
        double offSum = 0;
        double onSum = 0;
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            System.out.printf(Locale.ROOT, "%-6d %,11.0f %,11.0f %7.3f %15s %15s %,12d %10.1f %,12.0f%n", i + 1,
                    r.off().rate(), r.on().rate(), r.on().rate() / r.off().rate(),
                    r.off().percentile(0.5) + "/" + r.off().percentile(0.99),
                    r.on().percentile(0.5) + "/" + r.on().percentile(0.99), r.behind(), r.drain().toMillis() / 1e3,
                    r.matchedPerSecond());
            offSum += r.off().rate();
            onSum += r.on().rate();
        }
        System.out.printf(Locale.ROOT, "feeds: posting with topic feeds runs at %.3f of its rate without%n",
                onSum / offSum);
    }
}
