package org.perch.xmpp.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.pep.PepItem;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;

/**
 * One followed room as both bookmark specifications see it: a XEP-0402 item ({@code <conference/>} in
 * {@code urn:xmpp:bookmarks:1}, the room's JID its item id) and a XEP-0048 {@code <conference jid/>} in
 * {@code storage:bookmarks}. XEP-0402's {@code <extensions/>} has no XEP-0048 form; it is kept here so that an
 * edit made by an old client does not strip what a new one stored (XEP-0402 §3).
 *
 * @param jid the room's bare JID, as the item id
 */
record Bookmark(String jid, Optional<String> name, boolean autojoin, Optional<String> nick,
                Optional<String> password, Optional<XmlElement> extensions) {

    /** XEP-0048's namespace, inside XEP-0049 private storage. */
    static final String LEGACY = "storage:bookmarks";

    Bookmark {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** The bookmark an item of the XEP-0402 node holds; empty for an item that is no {@code <conference/>}. */
    static Optional<Bookmark> ofItem(PepItem item) {
        XmlElement conference;
        try {
            conference = XmlFragment.read(item.payload());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!conference.is("conference", PepNamespaces.BOOKMARKS)) {
            return Optional.empty();
        }
        return Optional.of(new Bookmark(item.id(), conference.attribute("name"),
                isTrue(conference.attribute("autojoin")), conference.childText("nick", PepNamespaces.BOOKMARKS),
                conference.childText("password", PepNamespaces.BOOKMARKS),
                conference.child("extensions", PepNamespaces.BOOKMARKS)));
    }

    /** The bookmark a XEP-0048 {@code <conference/>} describes; its {@code jid} must be a room's bare JID. */
    static Bookmark ofLegacy(XmlElement conference) {
        Optional<Jid> room = conference.attribute("jid").flatMap(Jid::parse)
                .filter(j -> j.hasLocal() && !j.hasResource() && j.toString().length() <= Jid.MAX_PART_OCTETS);
        if (room.isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "a conference bookmark's jid must be a"
                    + " room's bare JID, not '" + conference.attributeOr("jid", "") + "'");
        }
        return new Bookmark(room.get().toString(), conference.attribute("name"),
                isTrue(conference.attribute("autojoin")), conference.childText("nick", LEGACY),
                conference.childText("password", LEGACY), Optional.empty());
    }

    Bookmark withExtensions(Optional<XmlElement> kept) {
        return new Bookmark(jid, name, autojoin, nick, password, kept);
    }

    /** The XEP-0402 item's payload. */
    XmlElement payload() {
        return conference(PepNamespaces.BOOKMARKS, false, extensions);
    }

    /** The XEP-0048 element. */
    XmlElement legacy() {
        return conference(LEGACY, true, Optional.empty());
    }

    private XmlElement conference(String namespace, boolean withJid, Optional<XmlElement> extra) {
        List<XmlNode> children = new ArrayList<>();
        nick.ifPresent(n -> children.add(XmlElement.builder("nick", namespace).text(n).build()));
        password.ifPresent(p -> children.add(XmlElement.builder("password", namespace).text(p).build()));
        extra.ifPresent(children::add);
        return XmlElement.builder("conference", namespace)
                .attribute("jid", withJid ? jid : null)
                .attribute("name", name.orElse(null))
                .attribute("autojoin", autojoin ? "true" : "false")
                .children(children)
                .build();
    }

    /** XML Schema booleans: {@code true} or {@code 1}. */
    private static boolean isTrue(Optional<String> value) {
        return value.map(String::strip).map(v -> v.equals("true") || v.equals("1")).orElse(false);
    }
}
