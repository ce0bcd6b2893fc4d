package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;

class MessageFeedTest {

    private final ChatFixture f = new ChatFixture();

    @Test
    void postsShouldReachTheFeedWithTheirStoredStanzasInTheOrderOfTheirIds() {
        Room room = f.room("desk", "Desk");
        List<PoolEvent> seen = new CopyOnWriteArrayList<>();
        try (MessageFeed fe1 = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe1");
             MessageFeed fe2 = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe2")) {
            fe1.follow(seen::add);
            HistoryStore fromFe1 = f.chat.capturedHistory(Optional.of(fe1));
            HistoryStore fromFe2 = f.chat.capturedHistory(Optional.of(fe2));

            fromFe1.append(List.of(post(room, "s1"), post(room, "s2")));
            fromFe2.append(List.of(post(room, "s3")));
            fe2.publish(Optional.of(room.id()), PoolEventKind.BROADCAST, "s4", "<message id='s4'/>");

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 4);
            assertThat(seen).extracting(PoolEvent::subject).containsExactly("s1", "s2", "s3", "s4");
            assertThat(seen).extracting(PoolEvent::origin).containsExactly("fe1", "fe1", "fe2", "fe2");
            assertThat(seen).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(PoolEventKind.BROADCAST);
                assertThat(e.room()).contains(room.id());
            });
            assertThat(seen.get(0).payload()).isEqualTo("<message id='s1'/>");
            assertThat(fe1.position()).isEqualTo(seen.getLast().position());
            assertThat(f.store.history().since(0, 10)).extracting(m -> m.stanzaId())
                    .containsExactly("s1", "s2", "s3");
        }
    }

    @Test
    void aFollowerShouldStartAtTheEndAndGoOnPastAnEventItFailedToDeliver() {
        Room room = f.room("desk", "Desk");
        try (MessageFeed feed = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe1")) {
            f.chat.capturedHistory(Optional.of(feed)).append(List.of(post(room, "before")));
            List<String> seen = new CopyOnWriteArrayList<>();
            feed.follow(e -> {
                if (e.subject().equals("poison")) {
                    throw new IllegalStateException("a room that cannot take it");
                }
                seen.add(e.subject());
            });

            f.chat.capturedHistory(Optional.of(feed)).append(List.of(post(room, "poison"), post(room, "after")));

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("after"));
            assertThat(seen).as("what was there before following is not delivered").containsExactly("after");
        }
    }

    @Test
    void changesMadeThroughTheDomainShouldBeSharedSoThatOtherServersReadThemAgain() {
        Room room = f.room("desk", "Desk");
        try (MessageFeed fe1 = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe1")) {
            f.chat.updateRoom(ChatFixture.CAROL, room.id(), r -> r.withSubject("new subject"));
            f.chat.deleteRoom(ChatFixture.ROOT, room.id());
            f.events.forEach(fe1::share);

            assertThat(f.store.feed().after(0, 10)).extracting(PoolEvent::kind, PoolEvent::room).containsExactly(
                    tuple(PoolEventKind.ROOM_CHANGED, Optional.of(room.id())),
                    tuple(PoolEventKind.ROOM_CHANGED, Optional.of(room.id())));
        }
    }

    @Test
    void aFollowedFeedShouldPruneEventsOlderThanItsRetention() {
        Room room = f.room("desk", "Desk");
        try (MessageFeed feed = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe1", Duration.ZERO,
                Duration.ofMillis(50))) {
            feed.publish(Optional.of(room.id()), PoolEventKind.OCCUPANT, "mary", "");
            feed.publish(Optional.of(room.id()), PoolEventKind.OCCUPANT_LEFT, "mary", "");
            assertThat(f.store.feed().after(0, 10)).hasSize(2);

            feed.follow(event -> { });

            await().atMost(Duration.ofSeconds(10)).until(() -> f.store.feed().after(0, 10).isEmpty());
            assertThat(f.store.feed().lastPosition()).as("pruning never lowers the last position").isEqualTo(2);
        }
    }

    @Test
    void eventsOfARoutedKindShouldGoToTheirRouteAndTheRestToTheFollowerInFeedOrder() {
        Room room = f.room("desk", "Desk");
        List<String> rooms = new CopyOnWriteArrayList<>();
        List<String> accounts = new CopyOnWriteArrayList<>();
        try (MessageFeed fe1 = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe1");
             MessageFeed fe2 = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe2")) {
            fe1.route(PoolEventKind.PEP_NOTIFY, e -> accounts.add(e.origin() + ":" + e.subject()));
            fe1.follow(e -> rooms.add(e.subject()));

            fe2.publish(Optional.empty(), PoolEventKind.PEP_NOTIFY, "mary@example.org", "<event/>");
            fe2.publish(Optional.of(room.id()), PoolEventKind.OCCUPANT, "mary", "");
            fe1.publish(Optional.empty(), PoolEventKind.PEP_NOTIFY, "carol@example.org", "<event/>");

            await().atMost(Duration.ofSeconds(10)).until(() -> accounts.size() == 2 && rooms.size() == 1);
            assertThat(accounts).containsExactly("fe2:mary@example.org", "fe1:carol@example.org");
            assertThat(rooms).containsExactly("mary");
            assertThatThrownBy(() -> fe1.route(PoolEventKind.PEP_NOTIFY, e -> { }))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedFeedShouldAppendNothing() {
        Room room = f.room("desk", "Desk");
        MessageFeed feed = new MessageFeed(f.store.feed(), f.store.feedSignal(), "fe1");
        assertThat(feed.publish(Optional.of(room.id()), PoolEventKind.OCCUPANT, "mary", "")).isPositive();
        feed.close();

        assertThat(feed.publish(Optional.of(room.id()), PoolEventKind.OCCUPANT_LEFT, "mary", "")).isZero();
        assertThat(f.store.feed().after(0, 10)).extracting(PoolEvent::kind).containsExactly(PoolEventKind.OCCUPANT);
    }

    private static PostedMessage post(Room room, String stanzaId) {
        return new PostedMessage(room.id(), stanzaId, Instant.parse("2026-01-01T09:00:00Z"), ChatFixture.MARY,
                "mary", "text of " + stanzaId, "<message id='" + stanzaId + "'/>");
    }
}
