package org.perch.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.feeds.FilterIndex;
import org.perch.domain.feeds.Words;
import org.perch.store.chat.ChatMessage;
import org.perch.store.feeds.TopicFilter;

/**
 * What matching one stored message against every user's topic-feed filters costs the matcher's thread, with 1,000
 * and 100,000 users of 5 filters each (3 keywords and a two-word phrase drawn from 100,000 topic words, such as
 * product names or tickers). Each message is a chat body with two topic words in it, so with 100,000 users it
 * matches about 40 filters. With {@code common} = 5, one filter in 20 also watches a word common in chat
 * ("budget", "review"...): then a message holding such a word matches thousands of users, and its cost is that of
 * the entries it makes. {@code words} is what every message pays whatever the filters: splitting its body into
 * normalised words. The matcher must keep up with the history writer: compare with PersistRate's messages a second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TopicFeedMatchBenchmark {
    private static final int FILTERS_PER_USER = 5;
    private static final int TOPICS = 100_000;
    private static final String[] COMMON = {"deploy", "release", "budget", "customer", "report", "review"};
    private static final int MESSAGES = 1_024;

    @Param({"1000", "100000"})
    public int users;

    /** Percent of filters that also watch a word common in chat. */
    @Param({"0", "5"})
    public int common;

    private FilterIndex index;
    private final List<ChatMessage> messages = new ArrayList<>();
    private int next;

    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(42);
        index = new FilterIndex();
        List<RoomId> rooms = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            rooms.add(RoomId.random());
        }
        for (int u = 0; u < users; u++) {
            Jid owner = Jid.of("user" + u + "@example.org");
            List<TopicFilter> filters = new ArrayList<>();
            for (int f = 0; f < FILTERS_PER_USER; f++) {
                List<String> keywords = new ArrayList<>(List.of(topic(random), topic(random), topic(random)));
                if (random.nextInt(100) < common) {
                    keywords.add(COMMON[random.nextInt(COMMON.length)]);
                }
                filters.add(new TopicFilter("f" + f, owner, "filter " + f, keywords,
                        List.of(topic(random) + " " + topic(random)), List.of(), List.of(), true));
            }
            index.replace(owner, filters);
        }
        for (int m = 0; m < MESSAGES; m++) {
            messages.add(new ChatMessage(m + 1, rooms.get(random.nextInt(rooms.size())), "s" + m, Instant.EPOCH,
                    Jid.of("poster" + random.nextInt(1000) + "@example.org"), "poster",
                    MessageFactory.body(random) + " " + topic(random) + " and " + topic(random),
                    "<message/>", Optional.empty()));
        }
        reportMatches();
    }

    /** Printed once per setup, so that a result can be read as a cost per match. */
    private void reportMatches() {
        long owners = messages.stream().mapToLong(m -> index.match(m).size()).sum();
        System.out.printf("users=%d common=%d%%: %.1f owners matched per message on average%n", users, common,
                owners / (double) messages.size());
    }

    private static String topic(SplittableRandom random) {
        return "topic" + random.nextInt(TOPICS);
    }

    @Benchmark
    public Map<Jid, List<TopicFilter>> match() {
        return index.match(messages.get(next++ & (MESSAGES - 1)));
    }

    @Benchmark
    public List<String> words() {
        return Words.of(messages.get(next++ & (MESSAGES - 1)).body());
    }
}
