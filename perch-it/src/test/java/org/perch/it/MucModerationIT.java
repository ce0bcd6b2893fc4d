package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.testing.SmackClients;

/**
 * What managers and authors do to a room's people and messages: retraction and moderation (XEP-0424, XEP-0425),
 * kick, voice and ban, nickname and subject changes.
 */
class MucModerationIT extends MucTestBase {
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
}
