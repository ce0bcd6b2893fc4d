package org.perch.xmpp.muc;

/** The namespaces of group chat: XEP-0045 and the extensions every room stanza carries. */
final class MucNamespaces {
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String USER = MUC + "#user";
    static final String OWNER = MUC + "#owner";
    static final String ADMIN = MUC + "#admin";
    static final String ROOM_CONFIG = MUC + "#roomconfig";
    static final String ROOM_INFO = MUC + "#roominfo";
    /** XEP-0359: the id the room gives each message it archives. */
    static final String STANZA_ID = "urn:xmpp:sid:0";
    /** XEP-0421: a stable, opaque id per occupant. */
    static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";
    /** XEP-0203. */
    static final String DELAY = "urn:xmpp:delay";
    /** XEP-0249 direct invitations. */
    static final String CONFERENCE = "jabber:x:conference";

    private MucNamespaces() {
    }
}
