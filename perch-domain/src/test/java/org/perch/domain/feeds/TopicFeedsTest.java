package org.perch.domain.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perch.domain.chat.ChatFixture.ALAN;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.CLOCK;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.MIKE;
import static org.perch.domain.chat.ChatFixture.ROOT;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.ChatFixture;
import org.perch.domain.chat.RoomModeration;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.feeds.TopicFilter;

/**
 * Topic feeds over the real in-memory store and the matcher's own thread: what lands in a user's feed, what is
 * alerted, and what the rules refuse. Mary is a member of Carol's rooms; Alan is in the category but no member.
 */
class TopicFeedsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChatFixture f = new ChatFixture();
    private final List<FeedAlert> alerts = new CopyOnWriteArrayList<>();
    private final List<Jid> changed = new CopyOnWriteArrayList<>();
    private final List<TopicFeeds> started = new ArrayList<>();
    private final AccountService accounts = new AccountService(f.store.accounts(), 4096, new SecureRandom(), CLOCK);
    private final TopicFeeds feeds;

    TopicFeedsTest() {
        f.chat.updatePolicy(ROOT, PolicyIdentity.GLOBAL, p -> p.withEnablePersistentChat(true));
        for (Jid user : List.of(MARY, ALAN, MIKE, CAROL)) {
            accounts.add(user, "a long enough password");
        }
        feeds = start("fe1", CLOCK, alerts::add);
    }

    @AfterEach
    void stop() {
        started.forEach(TopicFeeds::close);
    }

    @Test
    void aMatchingPostShouldBeListedInTheFeedAndAlerted() {
        Room desk = f.room("desk", "Desk");
        TopicFilter bonds = feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), true));

        post(desk, CAROL, "lunch at one");
        ChatMessage match = post(desk, CAROL, "The BOND auction is at ten");

        await().atMost(WAIT).until(() -> feeds.page(MARY, OptionalLong.empty(), 10).items().size() == 1);
        FeedItem item = feeds.page(MARY, OptionalLong.empty(), 10).items().getFirst();
        assertThat(item.message().stanzaId()).isEqualTo(match.stanzaId());
        assertThat(item.room().id()).isEqualTo(desk.id());
        assertThat(item.entry().filters()).containsExactly(bonds.id());
        await().atMost(WAIT).until(() -> alerts.size() == 1);
        assertThat(alerts.getFirst().owner()).isEqualTo(MARY);
        assertThat(alerts.getFirst().message().body()).isEqualTo("The BOND auction is at ten");
        assertThat(changed).containsExactly(MARY);
    }

    @Test
    void aFilterWithoutAlertsShouldOnlyList() {
        Room desk = f.room("desk", "Desk");
        feeds.save(MARY, draft("Quiet", List.of("bond"), List.of(), List.of(), List.of(), false));
        feeds.save(MIKE, draft("Loud", List.of("bond"), List.of(), List.of(), List.of(), true));

        post(desk, CAROL, "bond news");

        await().atMost(WAIT).until(() -> alerts.size() == 1 && !feeds.page(MARY, OptionalLong.empty(), 10)
                .items().isEmpty());
        assertThat(alerts).extracting(FeedAlert::owner).containsExactly(MIKE);
    }

    @Test
    void aRoomTheOwnerMayNotReadShouldNeverReachTheFeed() {
        Room open = f.chat.updateRoom(CAROL, f.room("open", "Open").id(),
                r -> r.withSettings(r.settings().withPrivacy(Privacy.OPEN)));
        Room closed = f.room("closed", "Closed");
        feeds.save(ALAN, draft("Budget", List.of("budget"), List.of(), List.of(), List.of(), true));

        post(closed, CAROL, "budget in the closed room");
        ChatMessage visible = post(open, CAROL, "budget in the open room");

        await().atMost(WAIT).until(() -> !feeds.page(ALAN, OptionalLong.empty(), 10).items().isEmpty());
        assertThat(bodies(ALAN)).containsExactly(visible.body());
        assertThat(alerts).extracting(a -> a.message().body()).containsExactly(visible.body());
    }

    @Test
    void aRetractedMessageOrALostRoomShouldLeaveThePage() {
        Room desk = f.room("desk", "Desk");
        Room hall = f.room("hall", "Hall");
        feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), false));
        ChatMessage taken = post(desk, CAROL, "bond one");
        post(desk, CAROL, "bond two");
        post(hall, CAROL, "bond three");
        await().atMost(WAIT).until(() -> bodies(MARY).size() == 3);

        new RoomModeration(f.chat, f.store.history(), CLOCK, e -> { }).retract(CAROL, desk, taken.stanzaId(), false,
                "");
        f.chat.updateRoom(CAROL, hall.id(), r -> r.withRoles(r.roles().withMembers(Set.of())));

        assertThat(bodies(MARY)).containsExactly("bond two");
    }

    @Test
    void pagesShouldGoFromNewestToOldestAndSayWhereToGoOn() {
        Room desk = f.room("desk", "Desk");
        feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), false));
        IntStream.range(0, 5).forEach(i -> post(desk, CAROL, "bond " + i));
        await().atMost(WAIT).until(() -> bodies(MARY).size() == 5);

        FeedPage first = feeds.page(MARY, OptionalLong.empty(), 2);
        FeedPage second = feeds.page(MARY, first.nextBefore(), 2);
        FeedPage third = feeds.page(MARY, second.nextBefore(), 2);

        assertThat(first.items()).extracting(i -> i.message().body()).containsExactly("bond 4", "bond 3");
        assertThat(second.items()).extracting(i -> i.message().body()).containsExactly("bond 2", "bond 1");
        assertThat(third.items()).extracting(i -> i.message().body()).containsExactly("bond 0");
        assertThat(third.nextBefore()).isEmpty();
    }

    @Test
    void messagesStoredWhileTheServerWasDownShouldBeMatchedOnStartButNotAlerted() {
        Room desk = f.room("desk", "Desk");
        feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), true));
        post(desk, CAROL, "bond before the stop");
        await().atMost(WAIT).until(() -> bodies(MARY).size() == 1);
        feeds.close();

        post(desk, CAROL, "bond while stopped");
        List<FeedAlert> laterAlerts = new CopyOnWriteArrayList<>();
        Clock later = Clock.offset(CLOCK, Duration.ofMinutes(10));
        TopicFeeds restarted = start("fe1", later, laterAlerts::add);
        restarted.wake();

        await().atMost(WAIT).until(() -> bodies(MARY).size() == 2);
        assertThat(bodies(MARY)).containsExactly("bond while stopped", "bond before the stop");
        assertThat(laterAlerts).as("a stale match is listed, not alerted").isEmpty();
    }

    @Test
    void twoServersOverOneStoreShouldListAMatchOnceAndEachAlertItsOwn() {
        Room desk = f.room("desk", "Desk");
        List<FeedAlert> otherAlerts = new CopyOnWriteArrayList<>();
        TopicFeeds other = start("fe2", CLOCK, otherAlerts::add);
        feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), true));
        other.reload(MARY); // what the pool feed's notice of the change makes the other server do

        post(desk, CAROL, "bond news");

        await().atMost(WAIT).until(() -> alerts.size() == 1 && otherAlerts.size() == 1);
        assertThat(bodies(MARY)).containsExactly("bond news");
    }

    @Test
    void theRulesShouldRefuseFiltersThatCannotWorkOrCostTooMuch() {
        ChatFixture.refused(() -> feeds.save(MARY, draft("", List.of("bond"), List.of(), List.of(), List.of(), true)),
                Reason.INVALID).hasMessageContaining("name");
        ChatFixture.refused(() -> feeds.save(MARY, draft("Empty", List.of(" "), List.of(), List.of(), List.of(),
                true)), Reason.INVALID).hasMessageContaining("a keyword, a phrase, a sender or a room");
        ChatFixture.refused(() -> feeds.save(MARY, draft("Two", List.of("bond auction"), List.of(), List.of(),
                List.of(), true)), Reason.INVALID).hasMessageContaining("make it a phrase");
        ChatFixture.refused(() -> feeds.save(MARY, draft("Many", IntStream.range(0, 21).mapToObj(i -> "w" + i)
                .toList(), List.of(), List.of(), List.of(), true)), Reason.INVALID).hasMessageContaining("at most 20");
        ChatFixture.refused(() -> feeds.save(MARY, draft("Nowhere", List.of(), List.of(), List.of(), List.of("nosuch"),
                true)), Reason.NOT_FOUND);
        ChatFixture.refused(() -> feeds.remove(MARY, "nosuch"), Reason.NOT_FOUND);
        ChatFixture.refused(() -> feeds.save(MARY, new FilterDraft(Optional.of("nosuch"), "X", List.of("bond"),
                List.of(), List.of(), List.of(), true)), Reason.NOT_FOUND);
        IntStream.range(0, FilterRules.MAX_FILTERS).forEach(i -> feeds.save(MARY, draft("f" + i, List.of("w" + i),
                List.of(), List.of(), List.of(), true)));
        ChatFixture.refused(() -> feeds.save(MARY, draft("one more", List.of("bond"), List.of(), List.of(), List.of(),
                true)), Reason.INVALID).hasMessageContaining("at most 25 filters");
        assertThat(feeds.filters(MARY)).hasSize(FilterRules.MAX_FILTERS);
    }

    @Test
    void aSecretRoomShouldBeNamedInAFilterOnlyByItsMembers() {
        Room secret = f.chat.updateRoom(CAROL, f.room("vault", "Vault").id(),
                r -> r.withSettings(r.settings().withPrivacy(Privacy.SECRET)));

        ChatFixture.refused(() -> feeds.save(ALAN, draft("Vault", List.of(), List.of(), List.of(), List.of("vault"),
                true)), Reason.NOT_FOUND).hasMessage("no such room: vault");
        TopicFilter ok = feeds.save(MARY, draft("Vault", List.of(), List.of(), List.of(), List.of("vault"), true));
        assertThat(ok.rooms()).containsExactly(secret.id());
    }

    @Test
    void replacingAndRemovingShouldChangeWhatMatches() {
        Room desk = f.room("desk", "Desk");
        TopicFilter filter = feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), false));
        feeds.save(MARY, new FilterDraft(Optional.of(filter.id()), "Gilts", List.of("gilts"), List.of(), List.of(),
                List.of(), false));
        post(desk, CAROL, "bond news");
        post(desk, CAROL, "gilts news");
        await().atMost(WAIT).until(() -> bodies(MARY).size() == 1);
        assertThat(bodies(MARY)).containsExactly("gilts news");

        feeds.remove(MARY, filter.id());
        assertThat(feeds.filters(MARY)).isEmpty();
        ChatMessage last = post(desk, CAROL, "gilts again");
        // The filter is gone, so the matcher passes the post by: wait until it has, then look.
        await().atMost(WAIT).until(() -> started.getFirst().matchedThrough() >= last.id());
        assertThat(bodies(MARY)).containsExactly("gilts news");
    }

    @Test
    void aRemovedAccountShouldMatchNothingMoreAndANewOneOfTheSameNameShouldStartEmpty() {
        Room desk = f.room("desk", "Desk");
        feeds.save(MIKE, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), true));
        feeds.save(MARY, draft("Bonds", List.of("bond"), List.of(), List.of(), List.of(), true));
        post(desk, CAROL, "bond one");
        await().atMost(WAIT).until(() -> bodies(MARY).size() == 1 && bodies(MIKE).size() == 1);

        accounts.remove(MIKE); // as the CLI does, on the store: the matcher's index still holds Mike's filter
        ChatMessage last = post(desk, CAROL, "bond two");
        await().atMost(WAIT).until(() -> bodies(MARY).size() == 2);
        accounts.add(MIKE, "a long enough password");

        assertThat(bodies(MIKE)).isEmpty();
        assertThat(feeds.filters(MIKE)).isEmpty();
        assertThat(alerts).filteredOn(a -> a.message().id() == last.id()).extracting(FeedAlert::owner)
                .containsExactly(MARY);
    }

    @Test
    void withoutThePolicyNothingShouldBeAllowed() {
        f.chat.removePolicy(ROOT, PolicyIdentity.GLOBAL, false);

        ChatFixture.refused(() -> feeds.filters(MARY), Reason.FORBIDDEN);
        ChatFixture.refused(() -> feeds.page(MARY, OptionalLong.empty(), 10), Reason.FORBIDDEN);
    }

    private TopicFeeds start(String server, Clock clock, FeedAlerts sink) {
        TopicFeeds t = new TopicFeeds(f.store.topicFeeds(), f.store.history(), f.store.accounts(), f.chat, clock,
                server, changed::add).start(sink);
        started.add(t);
        return t;
    }

    private ChatMessage post(Room room, Jid sender, String body) {
        ChatMessage stored = f.store.history().append(List.of(new PostedMessage(room.id(),
                UUID.randomUUID().toString(), CLOCK.instant(), sender, sender.local(), body, "<message/>")))
                .getFirst();
        started.forEach(TopicFeeds::wake);
        return stored;
    }

    private List<String> bodies(Jid owner) {
        return feeds.page(owner, OptionalLong.empty(), 100).items().stream().map(i -> i.message().body()).toList();
    }

    private static FilterDraft draft(String name, List<String> keywords, List<String> phrases, List<Jid> senders,
                                     List<String> rooms, boolean alert) {
        return new FilterDraft(Optional.empty(), name, keywords, phrases, senders, rooms, alert);
    }
}
