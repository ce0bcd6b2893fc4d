package org.perch.xmpp.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.memory.InMemoryStore;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepStore;
import org.perch.xmpp.session.SessionRegistry;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

class LegacyBookmarksTest {
    private static final Jid ALICE = Jid.of("alice@example.org");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC);

    private final PepStore store = new InMemoryStore().pep();
    private final LegacyBookmarks bookmarks = new LegacyBookmarks(store, new PepNotifier(new SessionRegistry()),
            PepLimits.DEFAULT, CLOCK);

    @Test
    @DisplayName("XEP-0402 §5.3.1: the node's conferences read as one XEP-0048 storage, the item id as the jid")
    void theNodeShouldReadAsLegacyStorage() {
        store.create(ALICE, PepNamespaces.BOOKMARKS, PublishOptions.NONE.newNode(PepLimits.DEFAULT));
        store.publish(ALICE, PepNamespaces.BOOKMARKS, item("planning@chat.example.org", "<conference"
                + " xmlns='urn:xmpp:bookmarks:1' name='Planning' autojoin='1'><nick>al</nick>"
                + "<extensions><pinned xmlns='urn:xmpp:bookmarks-pinning:0'/></extensions></conference>"));
        store.publish(ALICE, PepNamespaces.BOOKMARKS, item("odd", "<note xmlns='urn:example'/>"));

        assertThat(XmlWriter.toXml(bookmarks.read(ALICE))).isEqualTo("<storage xmlns=\"storage:bookmarks\">"
                + "<conference jid=\"planning@chat.example.org\" name=\"Planning\" autojoin=\"true\">"
                + "<nick>al</nick></conference></storage>");
    }

    @Test
    @DisplayName("XEP-0402 §5.3.2: a XEP-0048 list replaces the node's conferences, keeping what it cannot say")
    void legacyStorageShouldReplaceTheConferencesAndKeepExtensions() {
        store.create(ALICE, PepNamespaces.BOOKMARKS, PublishOptions.NONE.newNode(PepLimits.DEFAULT));
        store.publish(ALICE, PepNamespaces.BOOKMARKS, item("planning@chat.example.org", "<conference"
                + " xmlns='urn:xmpp:bookmarks:1' name='Planning'><extensions><pinned"
                + " xmlns='urn:xmpp:bookmarks-pinning:0'/></extensions></conference>"));
        store.publish(ALICE, PepNamespaces.BOOKMARKS, item("lobby@chat.example.org", "<conference"
                + " xmlns='urn:xmpp:bookmarks:1' name='Lobby'/>"));

        bookmarks.replace(ALICE, XmlFragment.read("<storage xmlns='storage:bookmarks'>"
                + "<conference jid='Planning@chat.example.org' name='Plans' autojoin='true'><nick>al</nick>"
                + "<password>pw</password></conference>"
                + "<conference jid='desk@chat.example.org' name='Desk'/><url name='x' url='https://example.org'/>"
                + "</storage>"));

        assertThat(store.items(ALICE, PepNamespaces.BOOKMARKS, 10)).extracting(PepItem::id)
                .containsExactly("planning@chat.example.org", "desk@chat.example.org");
        XmlElement planning = XmlFragment.read(store.item(ALICE, PepNamespaces.BOOKMARKS,
                "planning@chat.example.org").orElseThrow().payload());
        assertThat(planning.attribute("name")).contains("Plans");
        assertThat(planning.attribute("autojoin")).contains("true");
        assertThat(planning.childText("nick", PepNamespaces.BOOKMARKS)).contains("al");
        assertThat(planning.childText("password", PepNamespaces.BOOKMARKS)).contains("pw");
        assertThat(planning.child("extensions", PepNamespaces.BOOKMARKS)).as("an old client's edit keeps them")
                .isPresent();
    }

    @Test
    @DisplayName("An unchanged conference is not published again, so it is not notified (XEP-0402 §5.3.2)")
    void anUnchangedConferenceShouldBeLeftAsItIs() {
        store.create(ALICE, PepNamespaces.BOOKMARKS, PublishOptions.NONE.newNode(PepLimits.DEFAULT));
        String written = "<conference xmlns='urn:xmpp:bookmarks:1' autojoin='1' name='Lobby'/>";
        store.publish(ALICE, PepNamespaces.BOOKMARKS, item("lobby@chat.example.org", written));

        bookmarks.replace(ALICE, XmlFragment.read("<storage xmlns='storage:bookmarks'><conference"
                + " jid='lobby@chat.example.org' name='Lobby' autojoin='true'/></storage>"));

        assertThat(store.item(ALICE, PepNamespaces.BOOKMARKS, "lobby@chat.example.org").orElseThrow().payload())
                .isEqualTo(written);
    }

    @Test
    @DisplayName("A first XEP-0048 write creates the node as XEP-0402 clients do; an empty list removes every room")
    void aFirstWriteShouldCreateTheNodeAndAnEmptyListEmptyIt() {
        bookmarks.replace(ALICE, XmlFragment.read("<storage xmlns='storage:bookmarks'><conference"
                + " jid='lobby@chat.example.org'/></storage>"));
        assertThat(store.node(ALICE, PepNamespaces.BOOKMARKS).orElseThrow().config())
                .isEqualTo(PublishOptions.NONE.newNode(PepLimits.DEFAULT));

        bookmarks.replace(ALICE, XmlFragment.read("<storage xmlns='storage:bookmarks'/>"));
        assertThat(store.items(ALICE, PepNamespaces.BOOKMARKS, 10)).isEmpty();
    }

    @Test
    void aConferenceWithoutARoomJidShouldBeRefusedAndNothingChanged() {
        assertThatThrownBy(() -> bookmarks.replace(ALICE, XmlFragment.read("<storage xmlns='storage:bookmarks'>"
                + "<conference jid='lobby@chat.example.org'/><conference jid='chat.example.org' name='x'/>"
                + "</storage>")))
                .isInstanceOfSatisfying(StanzaException.class, e -> assertThat(e.condition())
                        .isEqualTo(StanzaErrorCondition.BAD_REQUEST))
                .hasMessageContaining("room's bare JID");
        assertThat(store.node(ALICE, PepNamespaces.BOOKMARKS)).isEmpty();
    }

    @Test
    void aListLongerThanTheNodeKeepsShouldBeRefusedRatherThanLoseRooms() {
        LegacyBookmarks small = new LegacyBookmarks(store, new PepNotifier(new SessionRegistry()),
                new PepLimits(2, 1024, 4), CLOCK);
        String three = List.of("a", "b", "c").stream().map(r -> "<conference jid='" + r + "@chat.example.org'/>")
                .reduce("", String::concat);

        assertThatThrownBy(() -> small.replace(ALICE, XmlFragment.read("<storage xmlns='storage:bookmarks'>"
                + three + "</storage>"))).isInstanceOf(StanzaException.class).hasMessageContaining("at most 2 rooms");
    }

    private static PepItem item(String id, String payload) {
        return new PepItem(id, CLOCK.instant(), payload);
    }
}
