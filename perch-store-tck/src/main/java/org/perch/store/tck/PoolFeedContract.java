package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.FeedData.AT;
import static org.perch.store.tck.FeedData.LOBBY;
import static org.perch.store.tck.FeedData.event;
import static org.perch.store.tck.FeedData.written;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.store.cluster.PoolFeed;

/**
 * What every {@link PoolFeed} must do: keep events exactly and in order, page through them, prune old ones, and
 * (with its parts) keep commit order under concurrent writers and wake readers. A backend binds it with a class
 * that supplies {@link #fixture()}.
 */
public interface PoolFeedContract extends PoolFeedCommitContract, FeedSignalContract {

    @Override
    StoreFixture fixture();

    @Override
    @AfterEach
    default void closePoolFeedFixture() {
        fixture().close();
    }

    private PoolFeed feed() {
        return fixture().store().feed();
    }

    @Test
    default void anEmptyFeedShouldHaveNothingAndLastPositionZero() {
        assertThat(feed().after(0, 10)).isEmpty();
        assertThat(feed().lastPosition()).isZero();
        assertThat(feed().append(List.of())).isEmpty();
        assertThat(feed().lastPosition()).isZero();
    }

    @Test
    default void eventsShouldComeBackExactlyInTheOrderTheyWereAppended() {
        NewPoolEvent message = new NewPoolEvent("fe1", Optional.of(LOBBY), PoolEventKind.BROADCAST, "",
                "<message><body>" + ChatData.UNICODE + "</body></message>", AT);
        NewPoolEvent joined = new NewPoolEvent("fe2", Optional.of(LOBBY), PoolEventKind.OCCUPANT, "Zoë 😀",
                "<presence from='lobby@chat.example.org/Zoë 😀'/>", AT.plusNanos(1));
        NewPoolEvent gone = new NewPoolEvent("fe3", Optional.empty(), PoolEventKind.SERVER_GONE, "fe3", "",
                AT.minusSeconds(3600));

        List<PoolEvent> first = feed().append(List.of(message, joined));
        List<PoolEvent> second = feed().append(List.of(gone));

        List<PoolEvent> all = Stream.concat(first.stream(), second.stream()).toList();
        assertThat(all).extracting(PoolEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(all).containsExactly(message.at(all.get(0).position()), joined.at(all.get(1).position()),
                gone.at(all.get(2).position()));
        assertThat(feed().after(0, 10)).isEqualTo(all);
        assertThat(feed().lastPosition()).isEqualTo(all.getLast().position());
    }

    @Test
    default void everyKindShouldBeKept() {
        List<NewPoolEvent> written = Arrays.stream(PoolEventKind.values()).map(kind -> new NewPoolEvent("fe1",
                Optional.of(LOBBY), kind, kind.name(), "", AT)).toList();

        feed().append(written);

        assertThat(feed().after(0, 100)).extracting(PoolEvent::kind).containsExactly(PoolEventKind.values());
    }

    @Test
    default void aStanzaOfTheDefaultSizeLimitShouldBeKeptExactly() {
        // 131,072 characters, 256 KiB in UTF-8: one, three and four bytes (a surrogate pair) in turn.
        String payload = "a€😀".repeat(32 * 1024);
        NewPoolEvent large = new NewPoolEvent("fe1", Optional.of(LOBBY), PoolEventKind.BROADCAST, "alice", payload,
                AT);

        PoolEvent stored = feed().append(List.of(large)).getFirst();

        assertThat(feed().after(0, 1)).containsExactly(stored);
        assertThat(feed().after(0, 1).getFirst().payload()).isEqualTo(payload);
    }

    @Test
    default void afterShouldPageThroughTheFeedByPosition() {
        List<PoolEvent> all = feed().append(IntStream.rangeClosed(1, 5).mapToObj(n -> event("fe1", n)).toList());

        List<PoolEvent> firstPage = feed().after(0, 2);
        List<PoolEvent> secondPage = feed().after(firstPage.getLast().position(), 2);
        List<PoolEvent> lastPage = feed().after(secondPage.getLast().position(), 2);

        assertThat(firstPage).isEqualTo(all.subList(0, 2));
        assertThat(secondPage).isEqualTo(all.subList(2, 4));
        assertThat(lastPage).isEqualTo(all.subList(4, 5));
        assertThat(feed().after(all.getLast().position(), 2)).isEmpty();
    }

    @Test
    default void aPageBeforeTheStartOrOfNoEventsShouldBeRefused() {
        assertThatThrownBy(() -> feed().after(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("after must be 0 or a position, got -1");
        assertThatThrownBy(() -> feed().after(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max must be at least 1, got 0");
    }

    @Test
    default void pruningShouldRemoveExactlyTheEventsWrittenBeforeTheInstant() {
        List<PoolEvent> all = feed().append(List.of(written("fe1", 1, AT), written("fe1", 2, AT.plusSeconds(10)
                .minusNanos(1)), written("fe1", 3, AT.plusSeconds(10)), written("fe1", 4, AT.plusSeconds(20))));

        long removed = feed().pruneBefore(AT.plusSeconds(10));

        assertThat(removed).isEqualTo(2);
        assertThat(feed().after(0, 10)).isEqualTo(all.subList(2, 4));
        assertThat(feed().lastPosition()).isEqualTo(all.getLast().position());
    }

    @Test
    default void pruningEverythingShouldNotLowerTheLastPosition() {
        List<PoolEvent> old = feed().append(List.of(event("fe1", 1), event("fe1", 2)));

        assertThat(feed().pruneBefore(AT.plusSeconds(3600))).isEqualTo(2);
        PoolEvent next = feed().append(List.of(event("fe1", 3))).getFirst();

        assertThat(next.position()).isGreaterThan(old.getLast().position());
        assertThat(feed().after(0, 10)).containsExactly(next);
        assertThat(feed().pruneBefore(AT)).isZero();
    }

    @Test
    default void theFeedAndItsLastPositionShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        List<PoolEvent> kept = feed().append(List.of(event("fe1", 1), event("fe2", 2)));
        PoolEvent pruned = feed().append(List.of(written("fe1", 3, AT.minusSeconds(60)))).getFirst();
        feed().pruneBefore(AT);

        fixture().reopen();

        assertThat(feed().after(0, 10)).isEqualTo(kept);
        assertThat(feed().lastPosition()).isEqualTo(pruned.position());
        assertThat(feed().append(List.of(event("fe1", 4))).getFirst().position()).isGreaterThan(pruned.position());
    }
}
