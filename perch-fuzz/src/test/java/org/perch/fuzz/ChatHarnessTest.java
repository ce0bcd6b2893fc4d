package org.perch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatMessage;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/** The fuzz harness reaches what it is meant to: a join, a stored post, an archive query, a refused join. */
class ChatHarnessTest {
    private static final String MUC_NS = "http://jabber.org/protocol/muc";

    @Test
    void aJoinAPostAndAnArchiveQueryShouldGoThroughTheWholeServer() {
        try (ChatHarness h = new ChatHarness()) {
            h.send(XmlElement.builder("presence", Namespaces.CLIENT).attribute("to", "lobby@" + ChatHarness.MUC + "/al")
                    .child("x", MUC_NS).build());
            h.send(XmlElement.builder("message", Namespaces.CLIENT).attribute("to", "lobby@" + ChatHarness.MUC)
                    .attribute("type", "groupchat").textChild("body", Namespaces.CLIENT, "hi all").build());
            h.send(XmlElement.builder("iq", Namespaces.CLIENT).attribute("to", "lobby@" + ChatHarness.MUC)
                    .attribute("type", "set").attribute("id", "mam")
                    .child(XmlElement.empty("query", "urn:xmpp:mam:2")).build());
            h.send(XmlElement.builder("presence", Namespaces.CLIENT).attribute("to", "vault@" + ChatHarness.MUC + "/al")
                    .child("x", MUC_NS).build());
            h.sync();

            assertThat(h.history()).filteredOn(m -> m.sender().equals(ChatHarness.ALICE))
                    .extracting(ChatMessage::body).containsExactly("hi all");
            assertThat(h.bob.received()).anyMatch(e -> e.childText("body", Namespaces.CLIENT).orElse("").equals("hi all"));
            assertThat(h.alice.received()).filteredOn(e -> Stanzas.isIq(e) && e.attributeOr("id", "").equals("mam"))
                    .singleElement().satisfies(e -> assertThat(Stanzas.type(e)).isEqualTo("result"));
            assertThat(h.alice.received())
                    .filteredOn(e -> Stanzas.isPresence(e) && e.attributeOr("from", "").startsWith("vault@"))
                    .singleElement().satisfies(e -> assertThat(e.child("error", Namespaces.CLIENT).orElseThrow()
                            .child("registration-required", Namespaces.STANZA_ERRORS)).isPresent());
        }
        FailureLog.assertNothingLogged();
    }
}
