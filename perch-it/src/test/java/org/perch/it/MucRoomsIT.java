package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Lync rooms over XEP-0045, end to end with Smack: creation by a category creator, Closed and Secret rooms,
 * auditoriums, durable history with stanza-ids, and a manager's destroy. Every user here is in the bootstrap
 * category "General", which lets all users of the domain join its rooms and create rooms in it.
 */
class MucRoomsIT {
    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static PerchTestServer server;
    private static XMPPTCPConnection alice;
    private static XMPPTCPConnection bob;
    private static XMPPTCPConnection carol;
    private final List<XMPPTCPConnection> extra = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.addUser(user);
        }
        alice = SmackClients.login(server, "alice", "desk");
        bob = SmackClients.login(server, "bob", "desk");
        carol = SmackClients.login(server, "carol", "desk");
    }

    @AfterAll
    static void stopServer() {
        for (XMPPTCPConnection c : List.of(alice, bob, carol)) {
            c.disconnect();
        }
        server.close();
    }

    @AfterEach
    void disconnectExtraClients() {
        extra.forEach(XMPPTCPConnection::disconnect);
    }

    @Test
    @DisplayName("XEP-0045 §10.1: a category creator creates a room by joining it and becomes its only manager")
    void creatorShouldCreateARoomByJoiningItAndManageIt() throws Exception {
        MultiUserChat room = newRoom(alice);

        Form form = room.getConfigurationForm();
        for (String field : List.of("roomname", "roomdesc", "lang", "persistentroom", "publicroom", "membersonly",
                "moderatedroom", "passwordprotectedroom", "roomsecret", "whois", "enablelogging", "changesubject",
                "allowinvites", "allowpm", "maxusers", "presencebroadcast", "getmemberlist", "pubsub", "roomadmins",
                "roomowners")) {
            assertThat(form.getField("muc#roomconfig_" + field)).as(field).isNotNull();
        }
        assertThat(form.getField("perch#category").getFirstValue()).isEqualTo("General");
        assertThat(form.getField("perch#privacy").getFirstValue()).isEqualTo("closed");
        assertThat(form.getField("muc#roomconfig_roomowners").getValues()).extracting(CharSequence::toString)
                .containsExactly("alice@localhost");

        MultiUserChat asBob = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room.getRoom());
        assertRefused(asBob::getConfigurationForm, StanzaError.Condition.forbidden);
    }

    @Test
    @DisplayName("Lync Closed room (the default): only members join; a manager adds members in the form")
    void closedRoomShouldAdmitOnlyMembers() throws Exception {
        MultiUserChat room = newRoom(alice);
        MultiUserChat asBob = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(room.getRoom());

        assertRefused(() -> asBob.join(Resourcepart.from("bob")), StanzaError.Condition.registration_required);

        configure(room, "perch#members", List.of("bob@localhost"));
        asBob.join(Resourcepart.from("bob"));
        assertThat(asBob.isJoined()).isTrue();
    }

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
    @DisplayName("Lync Secret room: to a non-member it is not listed and answers exactly like a missing room")
    void secretRoomShouldLookMissingToNonMembers() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#privacy", List.of("secret"));
        EntityBareJid missing = JidCreate.entityBareFrom("never-created-" + ROOMS.incrementAndGet() + "@chat.localhost");

        StanzaError secretError = discoInfoError(carol, room.getRoom());
        StanzaError missingError = discoInfoError(carol, missing);
        assertThat(secretError.getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(secretError.getCondition()).isEqualTo(missingError.getCondition());
        assertThat(secretError.getDescriptiveText()).isEqualTo(missingError.getDescriptiveText());
        assertThat(secretError.toXML().toString()).doesNotContain(room.getRoom().getLocalpart().toString());

        assertThat(listedRooms(carol)).doesNotContain(room.getRoom().toString());
        assertThat(listedRooms(alice)).contains(room.getRoom().toString());
    }

    @Test
    @DisplayName("Lync Auditorium: only presenters post; other members are visitors and get forbidden")
    void auditoriumShouldLetOnlyPresentersPost() throws Exception {
        MultiUserChat room = newRoom(alice);
        FillableForm form = room.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_moderatedroom", true);
        form.setAnswer("perch#members", List.of("bob@localhost", "carol@localhost"));
        form.setAnswer("perch#presenters", List.of("bob@localhost"));
        room.sendConfigurationForm(form);
        MultiUserChat asBob = join(bob, room, "bob");
        MultiUserChat asCarol = join(carol, room, "carol");

        CompletableFuture<Stanza> carolError = new CompletableFuture<>();
        carol.addAsyncStanzaListener(carolError::complete, s -> s instanceof Message m && m.getType() == Message.Type.error);
        asCarol.sendMessage("may I?");
        assertThat(carolError.get(10, TimeUnit.SECONDS).getError().getCondition())
                .isEqualTo(StanzaError.Condition.forbidden);

        asBob.sendMessage("welcome to the briefing");
        assertThat(next(asCarol).getBody()).isEqualTo("welcome to the briefing");
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
    @DisplayName("Lync ParticipantUpdateLimit: above it, occupants' presence is no longer broadcast")
    void presenceShouldNotBeBroadcastAboveTheParticipantUpdateLimit() throws Exception {
        PerchTestServer own = PerchTestServer.start(Map.of("chat.participant-update-limit", "2"));
        try {
            for (String user : List.of("fay", "gus", "hal")) {
                own.addUser(user);
            }
            XMPPTCPConnection fay = track(SmackClients.login(own, "fay", "desk"));
            MultiUserChat room = newRoom(fay);
            configure(room, "perch#privacy", List.of("open"));
            List<Stanza> seenByFay = new CopyOnWriteArrayList<>();
            fay.addSyncStanzaListener(seenByFay::add, s -> s instanceof Presence || s instanceof Message);
            join(track(SmackClients.login(own, "gus", "desk")), room, "gus");
            MultiUserChat asHal = join(track(SmackClients.login(own, "hal", "desk")), room, "hal");

            asHal.sendMessage("am I seen?");
            assertThat(next(room).getBody()).isEqualTo("am I seen?");

            // The room handles one stanza at a time, so hal's presence would have reached fay before his message.
            assertThat(seenByFay).filteredOn(s -> s instanceof Presence)
                    .extracting(s -> s.getFrom().toString()).contains(room.getRoom() + "/gus")
                    .doesNotContain(room.getRoom() + "/hal");
        } finally {
            own.close();
        }
    }

    @Test
    @DisplayName("Lync: a manager cannot delete a room; their destroy disables it, emptying it and keeping its history")
    void managersDestroyShouldDisableTheRoomAndKeepItsHistory() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        room.sendMessage("kept for the record");
        assertThat(next(room).getBody()).isEqualTo("kept for the record");
        Room before = storedRoom(room);
        CompletableFuture<Presence> bobRemoved = new CompletableFuture<>();
        bob.addAsyncStanzaListener(s -> bobRemoved.complete((Presence) s),
                s -> s instanceof Presence p && p.getType() == Presence.Type.unavailable
                        && p.getFrom().asBareJid().equals(room.getRoom()));

        room.destroy("closing the project", null);

        assertThat(bobRemoved.get(10, TimeUnit.SECONDS).toXML().toString()).contains("<destroy");
        Room after = server.server().store().rooms().find(before.id()).orElseThrow();
        assertThat(after.settings().disabled()).isTrue();
        assertThat(server.server().store().history()
                .query(org.perch.store.chat.HistoryQuery.latest(before.id(), 10)).orElseThrow().messages())
                .extracting(ChatMessage::body).containsExactly("kept for the record");
        assertThat(listedRooms(alice)).doesNotContain(room.getRoom().toString());
        assertRefused(() -> asBob.join(Resourcepart.from("bob")), StanzaError.Condition.item_not_found);
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
    @DisplayName("XEP-0424 and XEP-0425: an author retracts, a manager moderates; history keeps only tombstones")
    void retractionAndModerationShouldLeaveTombstones() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        asBob.sendMessage("oops, wrong room");
        String bobsId = stanzaId(next(room));
        assertThat(next(asBob).getBody()).isEqualTo("oops, wrong room");
        asBob.sendMessage("something rude");
        String rudeId = stanzaId(next(room));
        assertThat(next(asBob).getBody()).isEqualTo("something rude");

        asBob.sendMessage(bob.getStanzaFactory().buildMessageStanza()
                .addExtension(retract(bobsId)).setBody("retracted"));
        Message retraction = next(room);
        assertThat(retraction.getExtension(new QName("urn:xmpp:message-retract:1", "retract")).toXML().toString())
                .contains(bobsId);

        org.jivesoftware.smack.packet.IQ moderate = moderate(room.getRoom(), rudeId, "not here, please");
        alice.sendIqRequestAndWaitForResponse(moderate);
        Message moderation = next(asBob);
        while (!moderation.toXML().toString().contains("urn:xmpp:message-moderate:1")) {
            moderation = next(asBob);
        }
        assertThat(next(room).toXML().toString()).contains("urn:xmpp:message-moderate:1");
        assertThat(moderation.toXML().toString()).contains(rudeId).contains("not here, please")
                .contains(room.getRoom() + "/alice");

        Room stored = storedRoom(room);
        ChatMessage first = server.server().store().history().find(stored.id(), bobsId).orElseThrow();
        ChatMessage second = server.server().store().history().find(stored.id(), rudeId).orElseThrow();
        assertThat(first.body()).isEmpty();
        assertThat(first.retraction().orElseThrow().moderated()).isFalse();
        assertThat(second.body()).isEmpty();
        assertThat(second.retraction().orElseThrow().moderated()).isTrue();
        assertThat(second.retraction().orElseThrow().by().toString()).isEqualTo("alice@localhost");

        // bob is no manager: he may not moderate alice's messages.
        room.sendMessage("mine");
        String alicesId = stanzaId(next(room));
        assertRefused(() -> bob.sendIqRequestAndWaitForResponse(moderate(room.getRoom(), alicesId, "")),
                StanzaError.Condition.forbidden);
    }

    @Test
    @DisplayName("XEP-0249: a direct invitation to a room whose category has invitations off is refused")
    void directInvitationShouldBeRefusedWhereInvitationsAreOff() throws Exception {
        MultiUserChat room = newRoom(alice);
        Message invite = alice.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom("bob@localhost"))
                .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder("x", "jabber:x:conference")
                        .addAttribute("jid", room.getRoom().toString()).build())
                .build();
        Stanza reply;
        try (org.jivesoftware.smack.StanzaCollector collector = alice.createStanzaCollectorAndSend(
                new org.jivesoftware.smack.filter.StanzaIdFilter(invite.getStanzaId()), invite)) {
            reply = collector.nextResult(SmackClients.REPLY_TIMEOUT_MILLIS);
        }
        assertThat(reply).isNotNull();
        assertThat(reply.getError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
    }

    @Test
    @DisplayName("XEP-0045 §8, §9: a manager kicks (the user may return), gives and takes voice, and bans")
    void managerShouldKickGiveVoiceAndBan() throws Exception {
        MultiUserChat room = newRoom(alice);
        FillableForm form = room.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_moderatedroom", true);
        form.setAnswer("perch#members", List.of("bob@localhost", "carol@localhost"));
        room.sendConfigurationForm(form);
        MultiUserChat asBob = join(bob, room, "bob");
        MultiUserChat asCarol = join(carol, room, "carol");
        CompletableFuture<Boolean> carolKicked = new CompletableFuture<>();
        CompletableFuture<Boolean> carolBanned = new CompletableFuture<>();
        asCarol.addUserStatusListener(new org.jivesoftware.smackx.muc.UserStatusListener() {
            @Override
            public void kicked(org.jxmpp.jid.Jid actor, String reason) {
                carolKicked.complete(true);
            }

            @Override
            public void banned(org.jxmpp.jid.Jid actor, String reason) {
                carolBanned.complete(true);
            }
        });
        CompletableFuture<Boolean> bobVoiced = new CompletableFuture<>();
        asBob.addUserStatusListener(new org.jivesoftware.smackx.muc.UserStatusListener() {
            @Override
            public void voiceGranted() {
                bobVoiced.complete(true);
            }
        });

        assertRefused(() -> asBob.kickParticipant(Resourcepart.from("carol"), "no"), StanzaError.Condition.forbidden);
        room.kickParticipant(Resourcepart.from("carol"), "cool down");
        assertThat(carolKicked.get(10, TimeUnit.SECONDS)).isTrue();
        // Back from another connection: Smack 4.5 is unreliable when one MultiUserChat leaves and joins again.
        asCarol = join(track(SmackClients.login(server, "carol", "again")), room, "carol");
        assertThat(asCarol.isJoined()).as("a kicked member may come back").isTrue();

        room.grantVoice(Resourcepart.from("bob"));
        assertThat(bobVoiced.get(10, TimeUnit.SECONDS)).isTrue();
        asBob.sendMessage("now I present");
        assertThat(next(room).getBody()).isEqualTo("now I present");
        assertThat(storedRoom(room).roles().presenters()).extracting(Object::toString)
                .containsExactly("User[jid=bob@localhost]");

        asCarol.addUserStatusListener(new org.jivesoftware.smackx.muc.UserStatusListener() {
            @Override
            public void banned(org.jxmpp.jid.Jid actor, String reason) {
                carolBanned.complete(true);
            }
        });
        room.banUser(JidCreate.bareFrom("carol@localhost"), "out");
        assertThat(carolBanned.get(10, TimeUnit.SECONDS)).isTrue();
        MultiUserChat again = MultiUserChatManager.getInstanceFor(carol).getMultiUserChat(room.getRoom());
        assertRefused(() -> again.join(Resourcepart.from("carol")), StanzaError.Condition.registration_required);
    }

    @Test
    @DisplayName("XEP-0045 §7.6, §8.1: occupants change nicknames; only managers change the subject")
    void nicknamesAndSubjectShouldChangeUnderTheRules() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        CompletableFuture<String> renamed = new CompletableFuture<>();
        room.addParticipantStatusListener(new org.jivesoftware.smackx.muc.ParticipantStatusListener() {
            @Override
            public void nicknameChanged(org.jxmpp.jid.EntityFullJid participant, Resourcepart newNickname) {
                renamed.complete(participant.getResourceOrEmpty() + " -> " + newNickname);
            }
        });
        asBob.changeNickname(Resourcepart.from("robert"));
        assertThat(renamed.get(10, TimeUnit.SECONDS)).isEqualTo("bob -> robert");
        assertRefused(() -> asBob.changeNickname(Resourcepart.from("alice")), StanzaError.Condition.conflict);

        CompletableFuture<String> subjectAtBob = new CompletableFuture<>();
        asBob.addSubjectUpdatedListener((subject, from) -> subjectAtBob.complete(subject));
        room.changeSubject("Q3 planning");
        assertThat(subjectAtBob.get(10, TimeUnit.SECONDS)).isEqualTo("Q3 planning");
        assertThat(storedRoom(room).subject()).isEqualTo("Q3 planning");
        assertRefused(() -> asBob.changeSubject("mine now"), StanzaError.Condition.forbidden);
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

    private static List<String> bodies(MamManager mam, MamManager.MamQueryArgs.Builder args) throws Exception {
        return mam.queryArchive(args.build()).getMessages().stream().map(Message::getBody).toList();
    }

    private static FormField text(String var, String value) {
        return FormField.textSingleBuilder(var).setValue(value).build();
    }

    private static FormField fulltext(String words) {
        return text("{urn:xmpp:fulltext:0}fulltext", words);
    }

    private static List<String> search(MamManager archive, String words) throws Exception {
        return bodies(archive, MamManager.MamQueryArgs.builder().withAdditionalFormField(fulltext(words)));
    }

    // ---- helpers ----

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                              StanzaError.Condition condition) {
        assertThatThrownBy(call).isInstanceOfSatisfying(XMPPErrorException.class,
                e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(condition));
    }

    /** The room's next message with a body or a retraction; the subject that ends a join is skipped. */
    private static Message next(MultiUserChat room) throws Exception {
        while (true) {
            Message m = room.nextMessage(SmackClients.REPLY_TIMEOUT_MILLIS);
            assertThat(m).as("a message from " + room.getRoom()).isNotNull();
            if (m.getBody() != null || m.getExtension(new QName("urn:xmpp:message-retract:1", "retract")) != null) {
                return m;
            }
        }
    }

    private static org.jivesoftware.smack.packet.XmlElement retract(String id) {
        return org.jivesoftware.smack.packet.StandardExtensionElement.builder("retract", "urn:xmpp:message-retract:1")
                .addAttribute("id", id).build();
    }

    private static org.jivesoftware.smack.packet.IQ moderate(EntityBareJid room, String id, String reason) {
        org.jivesoftware.smack.packet.StandardExtensionElement.Builder moderate =
                org.jivesoftware.smack.packet.StandardExtensionElement.builder("moderate", "urn:xmpp:message-moderate:1")
                        .addAttribute("id", id)
                        .addElement(org.jivesoftware.smack.packet.StandardExtensionElement
                                .builder("retract", "urn:xmpp:message-retract:1").build());
        if (!reason.isEmpty()) {
            moderate.addElement("reason", reason);
        }
        org.jivesoftware.smack.packet.StandardExtensionElement payload = moderate.build();
        org.jivesoftware.smack.packet.IQ iq = new org.jivesoftware.smack.packet.IQ("moderate",
                "urn:xmpp:message-moderate:1") {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.attribute("id", id);
                xml.rightAngleBracket();
                xml.append(payload.getElements().stream().map(e -> e.toXML().toString())
                        .reduce("", String::concat));
                return xml;
            }
        };
        iq.setType(org.jivesoftware.smack.packet.IQ.Type.set);
        iq.setTo(room);
        return iq;
    }

    private static void deleteRecursively(java.nio.file.Path dir) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    private static MultiUserChat newRoom(XMPPTCPConnection owner) throws Exception {
        EntityBareJid jid = JidCreate.entityBareFrom("room" + ROOMS.incrementAndGet() + "@chat.localhost");
        MultiUserChat room = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(jid);
        room.create(Resourcepart.from(owner.getUser().getLocalpart().toString())).makeInstant();
        return room;
    }

    private MultiUserChat joinFresh(MultiUserChat room, String nick,
                                    java.util.function.UnaryOperator<org.jivesoftware.smackx.muc.MucEnterConfiguration.Builder> asked)
            throws Exception {
        XMPPTCPConnection connection = track(SmackClients.login(server, "bob", nick));
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room.getRoom());
        muc.join(asked.apply(muc.getEnterConfigurationBuilder(Resourcepart.from(nick))).build());
        return muc;
    }

    private static MultiUserChat join(XMPPTCPConnection who, MultiUserChat room, String nick) throws Exception {
        MultiUserChat joined = MultiUserChatManager.getInstanceFor(who).getMultiUserChat(room.getRoom());
        joined.join(Resourcepart.from(nick));
        return joined;
    }

    private static void configure(MultiUserChat room, String field, List<String> values) throws Exception {
        FillableForm form = room.getConfigurationForm().getFillableForm();
        FormField.Type type = form.getField(field).getType();
        if (type == FormField.Type.jid_multi || type == FormField.Type.list_multi) {
            form.setAnswer(field, values);
        } else {
            form.setAnswer(field, values.getFirst());
        }
        room.sendConfigurationForm(form);
    }

    private static Room storedRoom(MultiUserChat room) {
        return server.server().store().rooms().findByAddress(room.getRoom().getLocalpart().toString()).orElseThrow();
    }

    /** The room's XEP-0359 stanza-id on a message it broadcast. */
    static String stanzaId(Message m) {
        org.jivesoftware.smack.packet.XmlElement sid = m.getExtension(new QName("urn:xmpp:sid:0", "stanza-id"));
        assertThat(sid).as("stanza-id in " + m.toXML()).isNotNull();
        String xml = sid.toXML().toString();
        int start = xml.indexOf(" id='") >= 0 ? xml.indexOf(" id='") + 5 : xml.indexOf(" id=\"") + 5;
        return xml.substring(start, xml.indexOf(xml.charAt(start - 1), start));
    }

    private static StanzaError discoInfoError(XMPPTCPConnection who, EntityBareJid room) {
        try {
            ServiceDiscoveryManager.getInstanceFor(who).discoverInfo(room);
            throw new AssertionError("disco#info to " + room + " succeeded");
        } catch (XMPPErrorException e) {
            return e.getStanzaError();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> listedRooms(XMPPTCPConnection who) throws Exception {
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(who)
                .discoverItems(JidCreate.domainBareFrom("chat.localhost"));
        return items.getItems().stream().map(i -> i.getEntityID().toString()).toList();
    }

    private XMPPTCPConnection track(XMPPTCPConnection c) {
        extra.add(c);
        return c;
    }
}
