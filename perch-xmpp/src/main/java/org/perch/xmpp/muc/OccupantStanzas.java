package org.perch.xmpp.muc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.perch.core.Jid;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;

/** Builds what a room sends about its occupants: their presences (XEP-0045 §7.2) and occupant-ids (XEP-0421). */
final class OccupantStanzas {
    /** Status codes of XEP-0045 §15.6. */
    static final int NON_ANONYMOUS = 100;
    static final int SELF = 110;
    static final int LOGGED = 170;
    static final int CREATED = 201;
    static final int NICK_CHANGED = 303;
    static final int BANNED = 301;
    static final int KICKED = 307;
    static final int REMOVED_BY_CONFIG = 321;
    static final int SHUTDOWN = 332;

    private OccupantStanzas() {
    }

    /**
     * The occupant's presence as {@code to} sees it. Perch rooms are non-anonymous (Lync shows who posted),
     * so the real JID is in every item. {@code newNick} is set only for a nickname change (code 303).
     */
    static XmlElement presence(Jid room, Occupant o, Jid to, String type, List<Integer> codes, String newNick) {
        XmlElement.Builder item = XmlElement.builder("item", MucNamespaces.USER)
                .attribute("affiliation", o.affiliation()).attribute("role", type.isEmpty() ? o.role() : "none")
                .attribute("jid", o.jid().toString()).attribute("nick", newNick.isEmpty() ? null : newNick);
        XmlElement.Builder x = XmlElement.builder("x", MucNamespaces.USER).child(item.build());
        codes.forEach(c -> x.child(XmlElement.builder("status", MucNamespaces.USER).attribute("code", c).build()));
        XmlElement.Builder p = XmlElement.builder("presence", Namespaces.CLIENT)
                .attribute("from", occupantJid(room, o.nick())).attribute("to", to.toString())
                .attribute("type", type.isEmpty() ? null : type);
        if (type.isEmpty()) {
            p.children(ownChildren(o.presence()));
        }
        return p.child(x.build()).child(occupantId(room, o)).build();
    }

    static XmlElement occupantId(Jid room, Occupant o) {
        return XmlElement.builder("occupant-id", MucNamespaces.OCCUPANT_ID)
                .attribute("id", occupantId(room, o.jid())).build();
    }

    /**
     * Stable for one user in one room across sessions and restarts, different between rooms, and not reversible
     * without knowing both: a hash of the room's address and the user's bare JID.
     */
    static String occupantId(Jid room, Jid user) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((room.toBare() + "\n" + user.toBare()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    static String occupantJid(Jid room, String nick) {
        return room.toBare() + "/" + nick;
    }

    /** What the client put in its presence (show, status, caps), without MUC elements the room writes itself. */
    private static List<XmlNode> ownChildren(XmlElement presence) {
        return presence.children().stream().filter(n -> !(n instanceof XmlElement e)
                || !(e.namespace().startsWith(MucNamespaces.MUC) || e.namespace().equals(MucNamespaces.OCCUPANT_ID)))
                .toList();
    }

}
