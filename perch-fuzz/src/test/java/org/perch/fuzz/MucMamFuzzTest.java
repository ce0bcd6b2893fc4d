package org.perch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * Stanzas from a logged-in user to the MUC service, its rooms and their archives (XEP-0045, XEP-0313 with RSM,
 * XEP-0424/0425), built by {@link StanzaGrammar}, through the whole server ({@link ChatHarness}). What must hold:
 * nothing escapes a handler (the server logs nothing at WARN or above) and nothing is answered with
 * internal-server-error; every IQ get or set gets exactly one answer (or is relayed, once, to the occupant it was
 * addressed to); the user's stream stays open; and the user's stanzas never change what she has no right to: the
 * Closed room she may not join and the auditorium she may not post in keep their settings and history (Bob's
 * messages there stay as he posted them), and no message of hers is stored in a room she never joined.
 */
class MucMamFuzzTest {
    private static final String STANZA_ERRORS = Namespaces.STANZA_ERRORS;
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    @FuzzTest(maxDuration = "5m")
    void roomAndArchiveStanzasShouldBeAnsweredOnceAndChangeOnlyWhatTheSenderMay(FuzzedDataProvider data) {
        FailureLog.clear();
        try (ChatHarness h = new ChatHarness()) {
            List<XmlElement> sent = new ArrayList<>();
            int count = data.consumeInt(1, 8);
            for (int i = 0; i < count; i++) {
                XmlElement stanza = StanzaGrammar.stanza(data, i);
                sent.add(stanza);
                h.send(stanza);
                h.sync();
            }
            FailureLog.assertNothingLogged();
            assertThat(h.alice.closing()).as("Alice's stream is still open").isEmpty();
            List<XmlElement> toAlice = h.alice.received();
            List<XmlElement> toBob = h.bob.received();
            Stream.concat(toAlice.stream(), toBob.stream()).forEach(MucMamFuzzTest::assertNoInternalError);
            for (XmlElement stanza : sent) {
                assertAnsweredOnce(stanza, toAlice, toBob);
            }
            assertThat(h.rooms.room(h.vault.id())).as("the Closed room Alice may not join").contains(h.vault);
            assertThat(h.rooms.room(h.stage.id())).as("the auditorium Alice may not post in").contains(h.stage);
            Set<String> joined = joined(toAlice);
            for (ChatMessage m : h.history()) {
                if (m.sender().equals(ChatHarness.BOB)) {
                    assertThat(m.retraction()).as("Bob's message, after Alice's stanzas").isEmpty();
                }
                if (m.sender().equals(ChatHarness.ALICE)) {
                    assertThat(m.room()).as("a room where Alice may not post").isNotIn(h.vault.id(), h.stage.id());
                    String address = h.rooms.room(m.room()).map(Room::address).orElse("?");
                    assertThat(joined).as("rooms Alice joined, for her message in %s", address).contains(address);
                }
            }
        }
        FailureLog.assertNothingLogged();
    }

    private static void assertNoInternalError(XmlElement stanza) {
        stanza.child("error", Namespaces.CLIENT).ifPresent(error -> assertThat(error.child("internal-server-error",
                STANZA_ERRORS)).as("internal-server-error in %s", stanza).isEmpty());
    }

    /** An IQ get or set is answered (result or error) to its sender, or relayed to one recipient: exactly once. */
    private static void assertAnsweredOnce(XmlElement stanza, List<XmlElement> toAlice, List<XmlElement> toBob) {
        String type = Stanzas.type(stanza);
        String id = stanza.attributeOr("id", "");
        if (!Stanzas.isIq(stanza) || !(type.equals("get") || type.equals("set")) || id.isEmpty()) {
            return;
        }
        long answers = toAlice.stream().filter(e -> isIq(e, id, "result", "error")).count();
        long relayed = Stream.concat(toAlice.stream(), toBob.stream()).filter(e -> isIq(e, id, "get", "set")).count();
        assertThat(answers + relayed).as("answers to %s", stanza).isEqualTo(1);
    }

    private static boolean isIq(XmlElement e, String id, String type, String otherType) {
        return Stanzas.isIq(e) && e.attributeOr("id", "").equals(id)
                && (Stanzas.type(e).equals(type) || Stanzas.type(e).equals(otherType));
    }

    /** The rooms (by address) that sent Alice her own presence (status 110): those she was in at some point. */
    private static Set<String> joined(List<XmlElement> toAlice) {
        Set<String> rooms = new HashSet<>();
        for (XmlElement e : toAlice) {
            boolean self = Stanzas.isPresence(e) && e.child("x", MUC_USER).stream()
                    .flatMap(x -> x.children("status", MUC_USER).stream())
                    .anyMatch(s -> s.attributeOr("code", "").equals("110"));
            String from = e.attributeOr("from", "");
            if (self && from.contains("@")) {
                rooms.add(from.substring(0, from.indexOf('@')));
            }
        }
        return rooms;
    }
}
