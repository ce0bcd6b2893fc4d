package org.perch.domain.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.feeds.TopicFilter;

/** What a filter matches: whole words, runs of words, senders, rooms, and never the owner's own posts. */
class FilterIndexTest {
    private static final Jid MARY = Jid.of("mary@example.org");
    private static final Jid BOB = Jid.of("bob@example.org");
    private static final Jid CAROL = Jid.of("carol@example.org");
    private static final RoomId DESK = RoomId.random();
    private static final RoomId LOBBY = RoomId.random();

    private final FilterIndex index = new FilterIndex();
    private long ids;

    @Test
    void aKeywordShouldMatchAsAWholeWordInAnyCase() {
        index.replace(MARY, List.of(filter(MARY, "f1", List.of("bond"), List.of(), List.of(), List.of())));

        assertThat(matched(BOB, DESK, "The BOND auction")).containsKey(MARY);
        assertThat(matched(BOB, DESK, "bonds and bondage")).isEmpty();
    }

    @Test
    void aPhraseShouldMatchOnlyItsWordsInARow() {
        index.replace(MARY, List.of(filter(MARY, "f1", List.of(), List.of("bond auction"), List.of(), List.of())));

        assertThat(matched(BOB, DESK, "Tomorrow's bond  auction, 10:00")).containsKey(MARY);
        assertThat(matched(BOB, DESK, "a bond and an auction")).isEmpty();
        assertThat(matched(BOB, DESK, "auction bond")).isEmpty();
    }

    @Test
    void everyKindOfCriterionGivenShouldHoldAtOnce() {
        index.replace(MARY, List.of(filter(MARY, "f1", List.of("rates"), List.of(), List.of(BOB), List.of(DESK))));

        assertThat(matched(BOB, DESK, "rates are up")).containsKey(MARY);
        assertThat(matched(CAROL, DESK, "rates are up")).as("another sender").isEmpty();
        assertThat(matched(BOB, LOBBY, "rates are up")).as("another room").isEmpty();
        assertThat(matched(BOB, DESK, "lunch?")).as("no keyword").isEmpty();
    }

    @Test
    void aSenderOrARoomAloneShouldMatchEverythingFromThemOrInIt() {
        index.replace(MARY, List.of(filter(MARY, "bob", List.of(), List.of(), List.of(BOB), List.of()),
                filter(MARY, "desk", List.of(), List.of(), List.of(), List.of(DESK))));

        assertThat(matched(BOB, LOBBY, "anything").get(MARY)).extracting(TopicFilter::id).containsExactly("bob");
        assertThat(matched(CAROL, DESK, "anything").get(MARY)).extracting(TopicFilter::id).containsExactly("desk");
        assertThat(matched(BOB, DESK, "both").get(MARY)).as("in the owner's order").extracting(TopicFilter::id)
                .containsExactly("bob", "desk");
        assertThat(matched(CAROL, LOBBY, "neither")).isEmpty();
    }

    @Test
    void theOwnersOwnPostsShouldNeverMatch() {
        index.replace(MARY, List.of(filter(MARY, "f1", List.of("bond"), List.of(), List.of(), List.of())));

        assertThat(matched(MARY, DESK, "bond news")).isEmpty();
    }

    @Test
    void severalOwnersShouldEachGetTheirMatchesAndReplacingShouldForgetOldFilters() {
        index.replace(MARY, List.of(filter(MARY, "m", List.of("bond"), List.of(), List.of(), List.of())));
        index.replace(CAROL, List.of(filter(CAROL, "c", List.of("auction"), List.of(), List.of(), List.of())));

        assertThat(matched(BOB, DESK, "bond auction").keySet()).containsExactlyInAnyOrder(MARY, CAROL);

        index.replace(MARY, List.of(filter(MARY, "m", List.of("gilts"), List.of(), List.of(), List.of())));
        assertThat(matched(BOB, DESK, "bond auction").keySet()).containsExactly(CAROL);
        index.replace(CAROL, List.of());
        assertThat(matched(BOB, DESK, "bond auction")).isEmpty();
        assertThat(index.owners()).isEqualTo(1);
    }

    @Test
    void aRetractedMessageShouldMatchNothing() {
        index.replace(MARY, List.of(filter(MARY, "f1", List.of(), List.of(), List.of(BOB), List.of())));
        ChatMessage tombstone = message(BOB, DESK, "").retractedBy(new Retraction(Instant.EPOCH, BOB, false, ""));

        assertThat(index.match(tombstone)).isEmpty();
    }

    private Map<Jid, List<TopicFilter>> matched(Jid sender, RoomId room, String body) {
        return index.match(message(sender, room, body));
    }

    private ChatMessage message(Jid sender, RoomId room, String body) {
        return new ChatMessage(++ids, room, "s" + ids, Instant.EPOCH, sender, sender.local(), body, "<message/>",
                Optional.empty());
    }

    private static TopicFilter filter(Jid owner, String id, List<String> keywords, List<String> phrases,
                                      List<Jid> senders, List<RoomId> rooms) {
        return new TopicFilter(id, owner, id, keywords, phrases, senders, rooms, true);
    }
}
