package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.domain.chat.ChatFixture.ALAN;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.CLOCK;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.OSCAR;
import static org.perch.domain.chat.ChatFixture.ROOT;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.SearchQuery;
import org.perch.store.memory.InMemoryMessageIndex;

/** Search follows history (stored, retracted, deleted) and shows each user only the rooms they may read. */
class RoomSearchTest {
    private final ChatFixture f = new ChatFixture();
    private final InMemoryMessageIndex index = new InMemoryMessageIndex();
    private final SearchIndexer indexer = new SearchIndexer(f.store.history(), index);
    private final RoomSearch search = new RoomSearch(f.chat, f.store.history(), index);
    private final HistoryWriter writer = new HistoryWriter(f.store.history(), indexer::stored);

    RoomSearchTest() {
        f.chat.updatePolicy(ROOT, PolicyIdentity.GLOBAL, p -> p.withEnablePersistentChat(true));
    }

    @AfterEach
    void close() {
        writer.close();
        indexer.close();
    }

    @Test
    void storedMessagesShouldBecomeSearchableAndRetractedOnesShouldLeave() {
        Room room = f.room("desk", "Desk");
        ChatMessage kept = post(room, MARY, "quarterly numbers are in");
        ChatMessage taken = post(room, MARY, "quarterly rumours");

        await().atMost(Duration.ofSeconds(10)).until(() -> bodies(search.inRoom(MARY, room, query("quarterly")))
                .size() == 2);
        new RoomModeration(f.chat, f.store.history(), CLOCK, indexer).retract(MARY, room, taken.stanzaId(), false,
                "");

        await().atMost(Duration.ofSeconds(10)).until(() -> bodies(search.inRoom(MARY, room, query("quarterly")))
                .equals(List.of(kept.body())));
    }

    @Test
    void searchShouldBeRefusedWhenThePolicyTurnsPersistentChatOff() {
        Room room = f.room("desk", "Desk");
        post(room, MARY, "quarterly numbers are in");
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies(search.everywhere(MARY, query("quarterly")))
                .size() == 1);

        f.chat.removePolicy(ROOT, PolicyIdentity.GLOBAL, false);

        ChatFixture.refused(() -> search.everywhere(MARY, query("quarterly")), Reason.FORBIDDEN)
                .hasMessage(ChatRooms.POLICY_DISABLED);
        ChatFixture.refused(() -> search.inRoom(MARY, room, query("quarterly")), Reason.FORBIDDEN)
                .hasMessage(ChatRooms.POLICY_DISABLED);
    }

    @Test
    void searchShouldBeRestrictedToWhatTheUserMayRead() {
        Room open = f.chat.updateRoom(CAROL, f.room("open", "Open").id(),
                r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)));
        Room closed = f.room("closed", "Closed");
        Room secret = f.chat.updateRoom(CAROL, f.room("secret", "Secret").id(),
                r -> r.withSettings(r.settings().withPrivacy(Privacy.SECRET)));
        for (Room r : List.of(open, closed, secret)) {
            post(r, CAROL, "budget in " + r.name());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> search.everywhere(ROOT, query("budget")).messages()
                .size() == 3);

        assertThat(bodies(search.everywhere(MARY, query("budget"))))
                .containsExactly("budget in Open", "budget in Closed", "budget in Secret");
        assertThat(bodies(search.everywhere(ALAN, query("budget")))).as("alan is in scope but no member")
                .containsExactly("budget in Open");
        assertThat(bodies(search.everywhere(OSCAR, query("budget")))).as("oscar is in another category").isEmpty();
        ChatFixture.refused(() -> search.inRoom(ALAN, closed, query("budget")), Reason.FORBIDDEN);
        ChatFixture.refused(() -> search.inRoom(ALAN, secret, query("budget")), Reason.NOT_FOUND)
                .hasMessage(ChatRooms.NO_SUCH_ROOM);

        f.chat.setDisabled(CAROL, open.id(), true);
        assertThat(bodies(search.everywhere(ALAN, query("budget")))).as("disabled rooms leave search").isEmpty();
    }

    @Test
    void catchUpShouldIndexWhatWasStoredWhileTheIndexWasAway() {
        Room room = f.room("desk", "Desk");
        f.store.history().append(List.of(posted(room, MARY, "stored before the index existed")));
        InMemoryMessageIndex fresh = new InMemoryMessageIndex();
        try (SearchIndexer late = new SearchIndexer(f.store.history(), fresh)) {
            assertThat(late.catchUp()).isEqualTo(1);
            assertThat(late.catchUp()).as("nothing twice").isZero();
        }
        assertThat(new RoomSearch(f.chat, f.store.history(), fresh).inRoom(MARY, room, query("before")).messages())
                .extracting(ChatMessage::body).containsExactly("stored before the index existed");
    }

    @Test
    void aCatchUpWithAnOverlapShouldFindAMessageAnotherServerSkippedBelowTheLastIndexedId() {
        Room room = f.room("desk", "Desk");
        List<ChatMessage> stored = f.store.history().append(List.of(posted(room, MARY, "stored by a server that"
                + " crashed before indexing"), posted(room, MARY, "stored and indexed by another server")));
        InMemoryMessageIndex shared = new InMemoryMessageIndex();
        shared.add(List.of(stored.get(1)));
        try (SearchIndexer restarted = new SearchIndexer(f.store.history(), shared)) {
            assertThat(restarted.catchUp()).as("without overlap the gap below the last id stays").isZero();
            assertThat(restarted.catchUp(10)).isEqualTo(2);
        }
        assertThat(new RoomSearch(f.chat, f.store.history(), shared).inRoom(MARY, room, query("crashed"))
                .messages()).extracting(ChatMessage::body).containsExactly("stored by a server that crashed before"
                + " indexing");
    }

    @Test
    void deletingARoomShouldTakeItsMessagesOutOfTheIndex() {
        Room room = f.room("desk", "Desk");
        post(room, MARY, "soon gone");
        await().atMost(Duration.ofSeconds(10)).until(() -> index.lastIndexedId() > 0);

        indexer.on(new RoomEvent.RoomDeleted(room));

        await().atMost(Duration.ofSeconds(10)).until(() -> index.search(
                SearchQuery.latest(Set.of(room.id()), "gone", 10)).hits().isEmpty());
    }

    @Test
    void clearingARoomShouldTakeItsOldMessagesOutOfHistoryAndSearchAndOnlyAnAdministratorMay() {
        Room room = f.room("desk", "Desk");
        writer.post(posted(room, MARY, "quarterly plans", CLOCK.instant().minusSeconds(60))).join();
        ChatMessage recent = post(room, MARY, "quarterly results");
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies(search.inRoom(MARY, room, query("quarterly")))
                .size() == 2);

        ChatFixture.refused(() -> f.chat.clearHistory(CAROL, room.id(), CLOCK.instant().minusSeconds(1)),
                Reason.FORBIDDEN);
        f.events.clear();
        assertThat(f.chat.clearHistory(ROOT, room.id(), CLOCK.instant().minusSeconds(1))).isEqualTo(1);
        f.events.forEach(indexer::on);

        assertThat(f.events).hasSize(1).first().isInstanceOf(RoomEvent.HistoryCleared.class);
        assertThat(f.store.history().query(org.perch.store.chat.HistoryQuery.latest(room.id(), 10)).orElseThrow()
                .messages()).containsExactly(recent);
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies(search.inRoom(MARY, room, query("quarterly")))
                .equals(List.of("quarterly results")));
    }

    private ChatMessage post(Room room, Jid sender, String body) {
        return writer.post(posted(room, sender, body)).join();
    }

    private static PostedMessage posted(Room room, Jid sender, String body) {
        return posted(room, sender, body, CLOCK.instant());
    }

    private static PostedMessage posted(Room room, Jid sender, String body, java.time.Instant at) {
        return new PostedMessage(room.id(), UUID.randomUUID().toString(), at, sender, "nick", body, "<message/>");
    }

    private static SearchQuery query(String text) {
        return SearchQuery.latest(Set.of(), text, 50);
    }

    private static List<String> bodies(RoomSearch.Found found) {
        return found.messages().stream().map(ChatMessage::body).toList();
    }
}
