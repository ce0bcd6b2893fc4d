package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.TestData.jid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.feeds.FeedEntry;
import org.perch.store.feeds.NewFeedEntry;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.feeds.TopicFilter;

/** What every {@link TopicFeedStore} must do. A backend binds it with a class that supplies {@link #fixture()}. */
public interface TopicFeedStoreContract {

    Instant T0 = Instant.parse("2026-12-01T09:30:15.123Z");
    RoomId LOBBY = new RoomId(new UUID(1, 1));
    RoomId GARDEN = new RoomId(new UUID(2, 2));
    int KEEP_ALL = 1000;

    StoreFixture fixture();

    @AfterEach
    default void closeTopicFeedStoreFixture() {
        fixture().close();
    }

    private TopicFeedStore feeds() {
        return fixture().store().topicFeeds();
    }

    private static TopicFilter filter(Jid owner, String id, String keyword) {
        return new TopicFilter(id, owner, "Filter " + id, List.of(keyword), List.of(), List.of(), List.of(), false);
    }

    private static NewFeedEntry match(Jid owner, RoomId room, int n) {
        return new NewFeedEntry(owner, room, "sid-" + n, 100 + n, T0.plusSeconds(n), List.of("f1"));
    }

    private static List<String> ids(List<TopicFilter> filters) {
        return filters.stream().map(TopicFilter::id).toList();
    }

    private static List<String> stanzaIds(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::stanzaId).toList();
    }

    private List<FeedEntry> append(NewFeedEntry... entries) {
        return feeds().append(List.of(entries), KEEP_ALL, "s1", 0);
    }

    @Test
    default void filtersShouldBeListedInTheOrderTheyWereFirstSaved() {
        Jid alice = jid("alice");
        feeds().saveFilter(filter(alice, "zeta", "a"));
        feeds().saveFilter(filter(alice, "alpha", "b"));
        feeds().saveFilter(filter(alice, "mu", "c"));

        assertThat(ids(feeds().filters(alice))).containsExactly("zeta", "alpha", "mu");
        assertThat(feeds().filters(jid("bob"))).isEmpty();
    }

    @Test
    default void savingAnExistingIdShouldReplaceTheFilterInItsPlace() {
        Jid alice = jid("alice");
        feeds().saveFilter(filter(alice, "f1", "a"));
        feeds().saveFilter(filter(alice, "f2", "b"));
        feeds().saveFilter(filter(alice, "f3", "c"));
        TopicFilter changed = new TopicFilter("f2", alice, "Renamed", List.of("new"), List.of("a phrase"),
                List.of(jid("carol")), List.of(LOBBY), true);

        feeds().saveFilter(changed);

        assertThat(feeds().filters(alice)).containsExactly(filter(alice, "f1", "a"), changed,
                filter(alice, "f3", "c"));
    }

    @Test
    default void aFilterShouldComeBackExactlyAsSaved() {
        Jid alice = jid("alice");
        TopicFilter full = new TopicFilter("café ☕", alice, "Rückblick 会议室 😀",
                List.of("zebra", "Äpfel", "", "zebra", "back\\slash", "new\nline", "a, b; c", "\\n"),
                List.of("crème brûlée", "tab\tand\r\nreturn", "\"quoted\" 'text'"),
                List.of(jid("zoë"), jid("bob"), Jid.bare("ünï", "例え.jp")), List.of(GARDEN, LOBBY), true);
        TopicFilter bare = new TopicFilter("empty", alice, "", List.of(), List.of(), List.of(), List.of(), false);
        TopicFilter oneEmpty = new TopicFilter("one", alice, "x", List.of(""), List.of(""), List.of(), List.of(),
                false);

        feeds().saveFilter(full);
        feeds().saveFilter(bare);
        feeds().saveFilter(oneEmpty);

        assertThat(feeds().filters(alice)).containsExactly(full, bare, oneEmpty);
        assertThat(feeds().allFilters()).containsExactlyInAnyOrder(full, bare, oneEmpty);
    }

    @Test
    default void allFiltersShouldHoldEveryOwnersFilters() {
        feeds().saveFilter(filter(jid("alice"), "f1", "a"));
        feeds().saveFilter(filter(jid("bob"), "f1", "b"));
        feeds().saveFilter(filter(jid("alice"), "f2", "c"));

        assertThat(feeds().allFilters()).containsExactlyInAnyOrder(filter(jid("alice"), "f1", "a"),
                filter(jid("bob"), "f1", "b"), filter(jid("alice"), "f2", "c"));
        assertThat(ids(feeds().filters(jid("bob")))).containsExactly("f1");
    }

    @Test
    default void deletingAFilterShouldSayWhetherItExistedAndLeaveItsEntries() {
        Jid alice = jid("alice");
        feeds().saveFilter(filter(alice, "f1", "a"));
        feeds().saveFilter(filter(alice, "f2", "b"));
        feeds().saveFilter(filter(jid("bob"), "f1", "c"));
        append(match(alice, LOBBY, 1));

        assertThat(feeds().deleteFilter(alice, "f1")).isTrue();
        assertThat(feeds().deleteFilter(alice, "f1")).isFalse();
        assertThat(feeds().deleteFilter(jid("carol"), "f2")).isFalse();

        assertThat(ids(feeds().filters(alice))).containsExactly("f2");
        assertThat(ids(feeds().filters(jid("bob")))).containsExactly("f1");
        assertThat(stanzaIds(feeds().entries(alice, OptionalLong.empty(), 10))).containsExactly("sid-1");
    }

    @Test
    default void aFilterSavedAgainAfterItsDeletionShouldComeLast() {
        Jid alice = jid("alice");
        feeds().saveFilter(filter(alice, "f1", "a"));
        feeds().saveFilter(filter(alice, "f2", "b"));
        feeds().deleteFilter(alice, "f1");

        feeds().saveFilter(filter(alice, "f1", "a"));

        assertThat(ids(feeds().filters(alice))).containsExactly("f2", "f1");
    }

    @Test
    default void appendShouldReturnTheAddedEntriesInOrderWithGrowingIds() {
        Jid alice = jid("alice");
        NewFeedEntry second = new NewFeedEntry(alice, GARDEN, "sid-2", 7, T0.plusMillis(1), List.of("f2", "f1"));

        List<FeedEntry> first = feeds().append(List.of(match(alice, LOBBY, 1), second), KEEP_ALL, "s1", 7);
        List<FeedEntry> later = feeds().append(List.of(match(jid("bob"), LOBBY, 3)), KEEP_ALL, "s1", 8);

        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isEqualTo(FeedEntry.of(first.get(0).id(), match(alice, LOBBY, 1)));
        assertThat(first.get(1)).isEqualTo(FeedEntry.of(first.get(1).id(), second));
        assertThat(first.get(1).id()).isGreaterThan(first.get(0).id());
        assertThat(later.get(0).id()).isGreaterThan(first.get(1).id());
        assertThat(feeds().entries(alice, OptionalLong.empty(), 10)).containsExactly(first.get(1), first.get(0));
    }

    @Test
    default void aMessageTheOwnerAlreadyHasShouldBeSkipped() {
        Jid alice = jid("alice");
        Jid bob = jid("bob");
        append(match(alice, LOBBY, 1));
        NewFeedEntry again = new NewFeedEntry(alice, LOBBY, "sid-1", 101, T0, List.of("f2"));

        List<FeedEntry> added = append(again, match(alice, LOBBY, 2), match(alice, LOBBY, 2), match(bob, LOBBY, 1),
                match(alice, GARDEN, 1));

        assertThat(added).extracting(FeedEntry::owner, FeedEntry::room, FeedEntry::stanzaId).containsExactly(
                tuple(alice, LOBBY, "sid-2"),
                tuple(bob, LOBBY, "sid-1"),
                tuple(alice, GARDEN, "sid-1"));
        List<FeedEntry> feed = feeds().entries(alice, OptionalLong.empty(), 10);
        assertThat(stanzaIds(feed)).containsExactly("sid-1", "sid-2", "sid-1");
        assertThat(feed.get(2).filters()).containsExactly("f1");
        assertThat(stanzaIds(feeds().entries(bob, OptionalLong.empty(), 10))).containsExactly("sid-1");
    }

    @Test
    default void eachOwnersOldestEntriesBeyondTheLimitShouldBeDropped() {
        Jid alice = jid("alice");
        Jid bob = jid("bob");
        feeds().append(List.of(match(alice, LOBBY, 1), match(alice, LOBBY, 2), match(bob, LOBBY, 1),
                match(bob, LOBBY, 2), match(bob, LOBBY, 3), match(bob, LOBBY, 4)), KEEP_ALL, "s1", 1);

        feeds().append(List.of(match(alice, LOBBY, 3), match(alice, LOBBY, 4)), 3, "s1", 2);

        assertThat(stanzaIds(feeds().entries(alice, OptionalLong.empty(), 10)))
                .containsExactly("sid-4", "sid-3", "sid-2");
        assertThat(stanzaIds(feeds().entries(bob, OptionalLong.empty(), 10)))
                .containsExactly("sid-4", "sid-3", "sid-2", "sid-1");

        feeds().append(List.of(match(bob, GARDEN, 9)), 2, "s1", 3);

        assertThat(stanzaIds(feeds().entries(bob, OptionalLong.empty(), 10))).containsExactly("sid-9", "sid-4");
        assertThat(stanzaIds(feeds().entries(alice, OptionalLong.empty(), 10)))
                .containsExactly("sid-4", "sid-3", "sid-2");
    }

    @Test
    default void theMatchedMarkShouldBeKeptPerServerAndNeverGoBack() {
        assertThat(feeds().matchedThrough("s1")).isEmpty();

        feeds().append(List.of(), KEEP_ALL, "s1", 40);
        feeds().append(List.of(match(jid("alice"), LOBBY, 1)), KEEP_ALL, "s2", 7);

        assertThat(feeds().matchedThrough("s1")).hasValue(40);
        assertThat(feeds().matchedThrough("s2")).hasValue(7);
        assertThat(feeds().matchedThrough("s3")).isEmpty();

        feeds().append(List.of(), KEEP_ALL, "s1", 55);
        feeds().append(List.of(), KEEP_ALL, "s2", 3);

        assertThat(feeds().matchedThrough("s1")).hasValue(55);
        assertThat(feeds().matchedThrough("s2")).hasValue(7);
    }

    @Test
    default void entriesShouldPageNewestFirstBeforeAnId() {
        Jid alice = jid("alice");
        List<FeedEntry> added = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            added.addAll(append(match(alice, LOBBY, i)));
        }
        append(match(jid("bob"), LOBBY, 6));
        List<FeedEntry> newestFirst = new ArrayList<>(added);
        Collections.reverse(newestFirst);

        assertThat(feeds().entries(alice, OptionalLong.empty(), 10)).isEqualTo(newestFirst);
        assertThat(feeds().entries(alice, OptionalLong.empty(), 2)).isEqualTo(newestFirst.subList(0, 2));
        long thirdId = added.get(2).id();
        assertThat(feeds().entries(alice, OptionalLong.of(thirdId), 10)).isEqualTo(added.subList(0, 2).reversed());
        assertThat(feeds().entries(alice, OptionalLong.of(thirdId + 1), 2)).isEqualTo(added.subList(1, 3).reversed());
        assertThat(feeds().entries(alice, OptionalLong.of(added.get(0).id()), 10)).isEmpty();
        assertThat(feeds().entries(jid("carol"), OptionalLong.empty(), 10)).isEmpty();
    }

    @Test
    default void deletingTheAccountShouldDeleteItsFiltersAndFeedOnly() {
        Jid alice = jid("alice");
        Jid bob = jid("bob");
        fixture().store().accounts().create(TestData.account(alice, 1));
        fixture().store().accounts().create(TestData.account(bob, 2));
        feeds().saveFilter(filter(alice, "f1", "a"));
        feeds().saveFilter(filter(bob, "f1", "b"));
        append(match(alice, LOBBY, 1), match(bob, LOBBY, 1));

        fixture().store().accounts().delete(alice);

        assertThat(feeds().filters(alice)).isEmpty();
        assertThat(feeds().entries(alice, OptionalLong.empty(), 10)).isEmpty();
        assertThat(feeds().allFilters()).containsExactly(filter(bob, "f1", "b"));
        assertThat(stanzaIds(feeds().entries(bob, OptionalLong.empty(), 10))).containsExactly("sid-1");
    }

    @Test
    default void concurrentAppendsForOneOwnerShouldAddEachMessageOnceWithUniqueIds() {
        Jid alice = jid("alice");
        TopicFeedStore feeds = feeds();
        List<List<FeedEntry>> addedByThread = Collections.synchronizedList(new ArrayList<>());

        // Both threads offer the same 60 messages, in batches of three, as two servers matching one room would.
        Concurrently.run(2, t -> {
            List<FeedEntry> added = new ArrayList<>();
            for (int i = 0; i < 60; i += 3) {
                added.addAll(feeds.append(List.of(match(alice, LOBBY, i), match(alice, LOBBY, i + 1),
                        match(alice, LOBBY, i + 2)), KEEP_ALL, "s" + t, i));
            }
            addedByThread.add(added);
        });

        List<FeedEntry> feed = feeds().entries(alice, OptionalLong.empty(), 1000);
        assertThat(feed).hasSize(60);
        assertThat(stanzaIds(feed)).doesNotHaveDuplicates();
        assertThat(feed).extracting(FeedEntry::id).doesNotHaveDuplicates();
        List<FeedEntry> addedByEither = new ArrayList<>(addedByThread.get(0));
        addedByEither.addAll(addedByThread.get(1));
        assertThat(addedByEither).containsExactlyInAnyOrderElementsOf(feed);
        for (List<FeedEntry> added : addedByThread) {
            assertThat(added).extracting(FeedEntry::id).isSorted();
        }
    }

    @Test
    default void filtersFeedAndMarkShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        Jid alice = jid("alice");
        feeds().saveFilter(filter(alice, "f2", "b"));
        feeds().saveFilter(filter(alice, "f1", "a"));
        List<FeedEntry> added = feeds().append(List.of(match(alice, LOBBY, 1)), KEEP_ALL, "s1", 12);

        TopicFeedStore reopened = fixture().reopen().topicFeeds();

        assertThat(ids(reopened.filters(alice))).containsExactly("f2", "f1");
        assertThat(reopened.entries(alice, OptionalLong.empty(), 10)).isEqualTo(added);
        assertThat(reopened.matchedThrough("s1")).hasValue(12);
        assertThat(reopened.append(List.of(match(alice, LOBBY, 1)), KEEP_ALL, "s1", 13)).isEmpty();
        List<FeedEntry> next = reopened.append(List.of(match(alice, LOBBY, 2)), KEEP_ALL, "s1", 14);
        assertThat(next.get(0).id()).isGreaterThan(added.get(0).id());
    }

    @Test
    default void anAppendInAFailedBlockShouldLeaveNeitherEntriesNorMark() {
        assumeThat(fixture().has(StoreCapability.TRANSACTIONAL)).as("backend is transactional").isTrue();
        Jid alice = jid("alice");

        assertThatThrownBy(() -> fixture().store().atomically(() -> {
            feeds().append(List.of(match(alice, LOBBY, 1)), KEEP_ALL, "s1", 5);
            throw new IllegalStateException("the matcher failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(feeds().entries(alice, OptionalLong.empty(), 10)).isEmpty();
        assertThat(feeds().matchedThrough("s1")).isEmpty();
    }
}
