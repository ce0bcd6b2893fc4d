package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Room history end to end: messages stored before anyone receives them, history on join, the MAM archive of
 * each room with its filters and paging, full-text search, and survival of a restart.
 */
class MucHistoryIT extends MucTestBase {
    @Test
    @DisplayName("XEP-0359: a groupchat message carries the room's stanza-id and is stored before its echo arrives")
    void groupchatShouldBeStoredBeforeAnyoneReceivesIt() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        CompletableFuture<Message> bobGot = new CompletableFuture<>();
        asBob.addMessageListener(m -> {
            if (m.getBody() != null) {
                bobGot.complete(m);
            }
        });
        CompletableFuture<ChatMessage> storedAtEcho = new CompletableFuture<>();
        Room stored = storedRoom(room);
        room.addMessageListener(m -> {
            if (m.getBody() != null) {
                storedAtEcho.complete(server.server().store().history().find(stored.id(), stanzaId(m)).orElse(null));
            }
        });

        room.sendMessage("the quarterly numbers are in");

        ChatMessage atEcho = storedAtEcho.get(10, TimeUnit.SECONDS);
        assertThat(atEcho).as("stored when the sender saw its echo").isNotNull();
        assertThat(atEcho.body()).isEqualTo("the quarterly numbers are in");
        assertThat(atEcho.sender().toString()).isEqualTo("alice@localhost");
        Message atBob = bobGot.get(10, TimeUnit.SECONDS);
        assertThat(stanzaId(atBob)).isEqualTo(atEcho.stanzaId());
        assertThat(atBob.getExtension(new QName("urn:xmpp:occupant-id:0", "occupant-id"))).isNotNull();
        assertThat(atBob.getFrom().toString()).isEqualTo(room.getRoom() + "/alice");
    }

    @Test
    @DisplayName("XEP-0045 §7.2.15: a join replays the latest messages, as many as asked, with delay stamps")
    void joinShouldReplayHistoryWithDelayStamps() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        for (String text : List.of("one", "two", "three")) {
            room.sendMessage(text);
            assertThat(next(room).getBody()).isEqualTo(text);
        }

        MultiUserChat asBob = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room.getRoom());
        asBob.join(asBob.getEnterConfigurationBuilder(Resourcepart.from("bob")).requestMaxStanzasHistory(2).build());

        Message first = next(asBob);
        Message second = next(asBob);
        assertThat(List.of(first.getBody(), second.getBody())).containsExactly("two", "three");
        assertThat(DelayInformation.from(first)).isNotNull();
        assertThat(DelayInformation.from(first).getFrom()).isEqualTo(room.getRoom().toString());
        Message subject = asBob.nextMessage(SmackClients.REPLY_TIMEOUT_MILLIS);
        assertThat(subject.getBody()).as("only two messages of history, then the subject").isNull();
        assertThat(subject.getSubject()).isNotNull();
    }

    @Test
    @DisplayName("XEP-0045 §7.2.15: maxchars=0 and a since in the future replay nothing; seconds keeps recent messages")
    void historyRequestsShouldBeHonoured() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        room.sendMessage("recent");
        next(room);
        // One fresh connection per join, never leave-then-join on one: Smack 4.5 then often misses the second
        // join's self-presence (seen against Prosody 0.12 as well: 5 of 20 rejoins).
        MultiUserChat noChars = joinFresh(room, "bob1", b -> b.requestNoHistory());
        MultiUserChat future = joinFresh(room, "bob2",
                b -> b.requestHistorySince(new java.util.Date(System.currentTimeMillis() + 3_600_000)));
        for (MultiUserChat asBob : List.of(noChars, future)) {
            Message first = asBob.nextMessage(SmackClients.REPLY_TIMEOUT_MILLIS);
            assertThat(first.getBody()).as("no history, straight to the subject").isNull();
            assertThat(first.getSubject()).isNotNull();
        }

        MultiUserChat asBob = joinFresh(room, "bob3", b -> b.requestHistorySince(3_600));
        assertThat(next(asBob).getBody()).isEqualTo("recent");
    }

    @Test
    @DisplayName("History survives a restart of the server")
    void historyShouldSurviveARestart() throws Exception {
        PerchTestServer own = PerchTestServer.start();
        try {
            own.addUser("erin");
            XMPPTCPConnection erin = SmackClients.login(own, "erin", "desk");
            MultiUserChat room = newRoom(erin);
            room.sendMessage("before the restart");
            assertThat(next(room).getBody()).isEqualTo("before the restart");
            erin.disconnect();

            // Without its search index, a restart rebuilds it from history (the crash-between-store-and-index case).
            own.close();
            deleteRecursively(own.dataDir().resolve("search"));
            own = PerchTestServer.start(own.dataDir(), Map.of());
            XMPPTCPConnection again = SmackClients.login(own, "erin", "laptop");
            extra.add(again);
            MultiUserChat rejoined = MultiUserChatManager.getInstanceFor(again).getMultiUserChat(room.getRoom());
            rejoined.join(Resourcepart.from("erin"));
            Message replayed = next(rejoined);
            assertThat(replayed.getBody()).isEqualTo("before the restart");
            assertThat(DelayInformation.from(replayed)).isNotNull();
            MamManager archive = MamManager.getInstanceFor(rejoined);
            assertThat(archive.isSupported()).isTrue();
            assertThat(search(archive, "restart")).containsExactly("before the restart");
        } finally {
            own.close();
        }
    }

    @Test
    @DisplayName("XEP-0313 on a room: members page back through the archive; non-members are refused")
    void archiveShouldPageBackwardsForMembersOnly() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        for (int i = 1; i <= 5; i++) {
            room.sendMessage("m" + i);
            assertThat(next(room).getBody()).isEqualTo("m" + i);
        }
        MultiUserChat asBob = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room.getRoom());
        MamManager mam = MamManager.getInstanceFor(asBob);
        assertThat(mam.isSupported()).isTrue();

        MamManager.MamQuery last = mam.queryArchive(MamManager.MamQueryArgs.builder().setResultPageSizeTo(2)
                .queryLastPage().build());
        assertThat(last.getMessages()).extracting(Message::getBody).containsExactly("m4", "m5");
        assertThat(last.isComplete()).isFalse();
        assertThat(last.pagePrevious(2)).extracting(Message::getBody).containsExactly("m2", "m3");
        assertThat(last.pagePrevious(2)).extracting(Message::getBody).containsExactly("m1");
        assertThat(last.isComplete()).isTrue();

        MamManager asCarol = MamManager.getInstanceFor(MultiUserChatManager.getInstanceFor(carol)
                .getMultiUserChat(room.getRoom()));
        assertThat(asCarol.isSupported()).as("carol may see the Closed room, so she learns it has an archive").isTrue();
        assertRefused(() -> asCarol.queryArchive(MamManager.MamQueryArgs.builder().build()),
                StanzaError.Condition.forbidden);
    }

    @Test
    @DisplayName("XEP-0313 filters on a room: with (the poster), start/end, and the #extended after-id, before-id, ids")
    void archiveFiltersShouldSelectTheRightMessages() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            (i % 2 == 0 ? asBob : room).sendMessage("m" + i);
            ids.add(stanzaId(next(room)));
        }
        MamManager mam = MamManager.getInstanceFor(room);
        assertThat(mam.isSupported()).isTrue();

        assertThat(bodies(mam, MamManager.MamQueryArgs.builder().limitResultsToJid(JidCreate.from("bob@localhost"))))
                .containsExactly("m2", "m4");
        assertThat(bodies(mam, MamManager.MamQueryArgs.builder().withAdditionalFormField(text("after-id",
                ids.get(1))))).containsExactly("m3", "m4");
        assertThat(bodies(mam, MamManager.MamQueryArgs.builder().withAdditionalFormField(text("before-id",
                ids.get(1))))).containsExactly("m1");
        assertThat(bodies(mam, MamManager.MamQueryArgs.builder().withAdditionalFormField(FormField
                .textMultiBuilder("ids").addValue(ids.get(0)).addValue(ids.get(3)).build())))
                .containsExactly("m1", "m4");
        assertThat(bodies(mam, MamManager.MamQueryArgs.builder().limitResultsBefore(new java.util.Date(0))))
                .as("nothing is older than 1970").isEmpty();
    }

    @Test
    @DisplayName("XEP-0431: full-text search in a room, and across every room one may read (MAM on the service)")
    void searchShouldFindWordsOnlyWhereTheUserMayRead() throws Exception {
        MultiUserChat shared = newRoom(alice);
        configure(shared, "perch#members", List.of("bob@localhost"));
        MultiUserChat board = newRoom(alice);
        String word = "pineapple" + ROOMS.incrementAndGet();
        shared.sendMessage("the " + word + " budget is approved");
        next(shared);
        board.sendMessage("board only: " + word + " merger");
        next(board);
        shared.sendMessage("unrelated chatter");
        next(shared);

        MamManager inShared = MamManager.getInstanceFor(MultiUserChatManager.getInstanceFor(bob)
                .getMultiUserChat(shared.getRoom()));
        assertThat(inShared.isSupported()).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(search(inShared, word)).containsExactly("the " + word + " budget is approved"));

        MamManager everywhereAsBob = MamManager.getInstanceFor(bob, JidCreate.domainBareFrom("chat.localhost"));
        MamManager everywhereAsAlice = MamManager.getInstanceFor(alice, JidCreate.domainBareFrom("chat.localhost"));
        assertThat(everywhereAsBob.isSupported()).isTrue();
        assertThat(everywhereAsAlice.isSupported()).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(search(everywhereAsAlice, word)).containsExactly("the " + word + " budget is approved",
                        "board only: " + word + " merger"));
        assertThat(search(everywhereAsBob, word)).as("bob is no member of the board's Closed room")
                .containsExactly("the " + word + " budget is approved");

        MamManager.MamQuery lastPage = everywhereAsAlice.queryArchive(MamManager.MamQueryArgs.builder()
                .withAdditionalFormField(fulltext(word)).setResultPageSizeTo(1).queryLastPage().build());
        assertThat(lastPage.getMessages()).extracting(Message::getBody).containsExactly("board only: " + word
                + " merger");
        assertThat(lastPage.pagePrevious(1)).extracting(Message::getBody).containsExactly("the " + word
                + " budget is approved");
        assertThat(lastPage.isComplete()).isTrue();
    }
}
