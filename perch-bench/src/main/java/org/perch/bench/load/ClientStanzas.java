package org.perch.bench.load;

import java.util.Base64;

/** The XML the generator sends, as text: every element it writes is made here. */
final class ClientStanzas {

    static final String STARTTLS = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
    static final String STREAM_END = "</stream:stream>";
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    static final String MAM = "urn:xmpp:mam:2";
    static final String PING = "urn:xmpp:ping";
    static final String DELAY = "urn:xmpp:delay";

    private ClientStanzas() {
    }

    static String streamHeader(String domain) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='" + domain + "' version='1.0'>";
    }

    static String auth(String mechanism, byte[] initial) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + mechanism + "'>" + base64(initial)
                + "</auth>";
    }

    static String response(byte[] data) {
        return "<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64(data) + "</response>";
    }

    static String bind(String id, String resource) {
        return "<iq type='set' id='" + id + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + escape(resource) + "</resource></bind></iq>";
    }

    /** A join asking for the last {@code history} messages (XEP-0045 §7.2.15); 0 measures the join alone. */
    static String join(String room, String nick, int history) {
        return "<presence to='" + room + "/" + escape(nick) + "'><x xmlns='http://jabber.org/protocol/muc'>"
                + "<history maxstanzas='" + history + "'/></x></presence>";
    }

    /**
     * The owner's configuration of a room just created (XEP-0045 §10.1.3): open to everyone (a new Perch room is
     * members only), persistent, and moderated or not (a Perch auditorium, where only presenters post). A moderated
     * room is meant to be large, so it also asks for no limit on occupants (ejabberd's rooms take 200 by default).
     * Every other field is left as the server has it.
     */
    static String configure(String id, String room, boolean moderated) {
        return "<iq type='set' id='" + id + "' to='" + room + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + field("FORM_TYPE", "http://jabber.org/protocol/muc#roomconfig")
                + field("muc#roomconfig_membersonly", "0") + field("muc#roomconfig_persistentroom", "1")
                + field("muc#roomconfig_moderatedroom", moderated ? "1" : "0")
                + (moderated ? field("muc#roomconfig_maxusers", "none") : "")
                + "</x></query></iq>";
    }

    /** Gives an occupant of a moderated room voice (XEP-0045 §8.3): in Perch, makes them a presenter. */
    static String grantVoice(String id, String room, String nick) {
        return "<iq type='set' id='" + id + "' to='" + room + "'><query xmlns='http://jabber.org/protocol/muc#admin'>"
                + "<item nick='" + escape(nick) + "' role='participant'/></query></iq>";
    }

    /** Registers an account before authentication (XEP-0077 §3.1). */
    static String register(String id, String user, String password) {
        return "<iq type='set' id='" + id + "'><query xmlns='jabber:iq:register'><username>" + escape(user)
                + "</username><password>" + escape(password) + "</password></query></iq>";
    }

    static String groupchat(String room, String body) {
        return "<message to='" + room + "' type='groupchat'><body>" + escape(body) + "</body></message>";
    }

    /** The newest {@code max} messages of a room (XEP-0313 §4 with an empty RSM {@code <before/>}). */
    static String mamQuery(String id, String room, String queryId, int max) {
        return "<iq type='set' id='" + id + "' to='" + room + "'><query xmlns='" + MAM + "' queryid='" + queryId
                + "'><set xmlns='http://jabber.org/protocol/rsm'><max>" + max + "</max><before/></set></query></iq>";
    }

    /** An XEP-0199 ping to {@code to}. */
    static String ping(String id, String to) {
        return "<iq type='get' id='" + id + "' to='" + escape(to) + "'><ping xmlns='" + PING + "'/></iq>";
    }

    static String iqResult(Element iq) {
        return "<iq type='result' id='" + escape(iq.id()) + "' to='" + escape(iq.attributeOr("from", "")) + "'/>";
    }

    /** What the generator does not do, said so (RFC 6120 §8.4: an IQ request must be answered). */
    static String iqUnsupported(Element iq) {
        return "<iq type='error' id='" + escape(iq.id()) + "' to='" + escape(iq.attributeOr("from", ""))
                + "'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "</error></iq>";
    }

    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\'' -> "&apos;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    private static String base64(byte[] data) {
        // RFC 6120 §6.4.2: an empty response is "=", not nothing.
        return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }
}
