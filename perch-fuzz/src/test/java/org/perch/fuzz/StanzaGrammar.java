package org.perch.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * Builds stanzas from fuzz data over the words of MUC, MAM, RSM, data forms and retraction, so that most inputs are
 * stanzas a client could mean and the fuzzer spends its time deep in the handlers rather than in their first
 * checks. Every choice may also fall back to fuzz text, cleaned of what no XML parser would let through. IQs get
 * ids {@code q-<n>}, so each can be matched with its answer.
 */
final class StanzaGrammar {
    static final String IQ_ID_PREFIX = "q-";

    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final List<String> TO = List.of(ChatHarness.MUC, "lobby@" + ChatHarness.MUC,
            "vault@" + ChatHarness.MUC, "stage@" + ChatHarness.MUC, "fresh@" + ChatHarness.MUC,
            "nowhere@" + ChatHarness.MUC, "lobby@" + ChatHarness.MUC + "/alice", "lobby@" + ChatHarness.MUC + "/bob",
            "lobby@" + ChatHarness.MUC + "/carol", "vault@" + ChatHarness.MUC + "/alice",
            "stage@" + ChatHarness.MUC + "/alice", "fresh@" + ChatHarness.MUC + "/alice",
            "fresh@" + ChatHarness.MUC + "/bob", ChatHarness.DOMAIN, "bob@" + ChatHarness.DOMAIN,
            "bob@" + ChatHarness.DOMAIN + "/" + ChatHarness.RESOURCE, "alice@" + ChatHarness.DOMAIN,
            "someone@elsewhere.example");
    private static final List<String> IQ_TYPES = List.of("get", "set", "result", "error");
    private static final List<String> MESSAGE_TYPES = List.of("groupchat", "chat", "normal", "headline", "error");
    private static final List<String> PRESENCE_TYPES = List.of("unavailable", "subscribe", "probe", "error");
    private static final List<String> NAMES = List.of("query", "x", "item", "field", "value", "history", "destroy",
            "reason", "set", "max", "after", "before", "first", "last", "index", "flip-page", "body", "subject",
            "retract", "moderate", "invite", "decline", "password", "ping", "status", "show", "priority", "required",
            "title", "instructions", "fulltext", "stanza-id", "occupant-id", "actor", "continue", "thread",
            "delay", "fin", "result", "forwarded", "nick");
    private static final List<String> NAMESPACES = List.of(Namespaces.CLIENT, MUC, MUC + "#user", MUC + "#owner",
            MUC + "#admin", "urn:xmpp:mam:2", "http://jabber.org/protocol/rsm", "jabber:x:data",
            "urn:xmpp:message-retract:1", "urn:xmpp:message-moderate:1", "http://jabber.org/protocol/disco#info",
            "http://jabber.org/protocol/disco#items", "urn:xmpp:ping", "urn:xmpp:fulltext:0", "urn:xmpp:sid:0",
            "urn:xmpp:occupant-id:0", "jabber:x:conference", "urn:xmpp:delay", "jabber:iq:version");
    private static final List<String> ATTRIBUTES = List.of("type", "var", "affiliation", "role", "jid", "nick", "id",
            "maxstanzas", "maxchars", "seconds", "since", "queryid", "to", "from", "by", "stamp", "label", "xml:lang",
            "node", "reason");
    private static final List<String> VALUES = List.of("submit", "form", "cancel", "result", "get", "set", "owner",
            "admin", "member", "none", "outcast", "moderator", "participant", "visitor", "FORM_TYPE",
            "urn:xmpp:mam:2", MUC + "#roomconfig", "start", "end", "with", "before-id", "after-id", "ids",
            "{urn:xmpp:fulltext:0}fulltext", "muc#roomconfig_roomname", "muc#roomconfig_roomdesc",
            "muc#roomconfig_persistentroom", "muc#roomconfig_publicroom", "muc#roomconfig_membersonly",
            "muc#roomconfig_moderatedroom", "muc#roomconfig_passwordprotectedroom", "muc#roomconfig_roomowners",
            "muc#roomconfig_allowinvites", "perch#category", "perch#privacy", "perch#type", "perch#members",
            "perch#presenters", "perch#addin", "perch#invitations", "open", "closed", "secret", "normal",
            "auditorium", "inherit", "off", "General", "0", "1", "-1", "true", "false", "5", "250", "2147483648",
            "2026-06-01T11:00:00Z", "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "not a date",
            "alice@example.org", "bob@example.org", "user:alice@example.org", "domain:example.org", "alice", "bob",
            "lobby@chat.example.org", "hello", "hello from bob", "");

    private StanzaGrammar() {
    }

    static XmlElement stanza(FuzzedDataProvider data, int n) {
        String kind = data.pickValue(List.of("iq", "message", "presence"));
        XmlElement.Builder b = XmlElement.builder(kind, Namespaces.CLIENT);
        int to = data.consumeInt(0, TO.size() + 1);
        b.attribute("to", to < TO.size() ? TO.get(to) : to == TO.size() ? text(data, 40) : null);
        List<String> types = switch (kind) {
            case "iq" -> IQ_TYPES;
            case "message" -> MESSAGE_TYPES;
            default -> PRESENCE_TYPES;
        };
        int type = data.consumeInt(0, types.size() + 1);
        b.attribute("type", type < types.size() ? types.get(type) : type == types.size() ? text(data, 12) : null);
        if (kind.equals("iq") ? data.consumeInt(0, 15) != 0 : data.consumeBoolean()) {
            b.attribute("id", IQ_ID_PREFIX + n);
        }
        int children = data.consumeInt(0, 3);
        for (int i = 0; i < children; i++) {
            b.child(element(data, 1));
        }
        return b.build();
    }

    private static XmlElement element(FuzzedDataProvider data, int depth) {
        XmlElement.Builder b = XmlElement.builder(data.pickValue(NAMES), data.pickValue(NAMESPACES));
        int attributes = data.consumeInt(0, 3);
        for (int i = 0; i < attributes; i++) {
            b.attribute(data.pickValue(ATTRIBUTES), value(data));
        }
        if (data.consumeInt(0, 3) == 0) {
            b.text(value(data));
        }
        int children = depth >= 4 ? 0 : data.consumeInt(0, 3);
        for (int i = 0; i < children; i++) {
            b.child(element(data, depth + 1));
        }
        return b.build();
    }

    private static String value(FuzzedDataProvider data) {
        return data.consumeInt(0, 4) == 0 ? text(data, 64) : data.pickValue(VALUES);
    }

    /** Fuzz text holding only characters XML 1.0 allows, as a parser would have delivered it. */
    private static String text(FuzzedDataProvider data, int max) {
        String raw = data.consumeString(max);
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().filter(StanzaGrammar::isXmlChar).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
