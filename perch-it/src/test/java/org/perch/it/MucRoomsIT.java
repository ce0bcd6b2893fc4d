package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
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
 * auditoriums, the participant update limit, a manager's destroy, and invitations where they are off.
 */
class MucRoomsIT extends MucTestBase {
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
    @DisplayName("XEP-0045 §7.14: when an occupant's connection drops, the room sees them leave and frees their nick")
    void aDroppedConnectionShouldLeaveEveryRoomItJoined() throws Exception {
        MultiUserChat first = newRoom(alice);
        MultiUserChat second = newRoom(alice);
        configure(first, "perch#members", List.of("bob@localhost"));
        configure(second, "perch#members", List.of("bob@localhost"));
        // Without stream management: a dropped resumable session would wait, rightly, for its client to resume.
        XMPPTCPConnection dropping = new XMPPTCPConnection(SmackClients.starttls(server).build());
        dropping.setUseStreamManagement(false);
        dropping.connect().login("bob", PerchTestServer.PASSWORD, Resourcepart.from("dropping"));
        join(dropping, first, "bob");
        join(dropping, second, "bob");
        List<CompletableFuture<Presence>> left = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        for (int i = 0; i < 2; i++) {
            var bobInRoom = JidCreate.entityFullFrom((i == 0 ? first : second).getRoom(), Resourcepart.from("bob"));
            CompletableFuture<Presence> seen = left.get(i);
            alice.addAsyncStanzaListener(s -> seen.complete((Presence) s),
                    s -> s instanceof Presence p && p.getType() == Presence.Type.unavailable
                            && p.getFrom().equals(bobInRoom));
        }

        dropping.instantShutdown();

        for (CompletableFuture<Presence> seen : left) {
            assertThat(seen.get(10, TimeUnit.SECONDS)).isNotNull();
        }
        // A ghost left behind would still hold the nick, and a join under it from another resource would conflict.
        MultiUserChat again = join(track(SmackClients.login(server, "bob", "again")), first, "bob");
        assertThat(again.isJoined()).isTrue();
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
}
