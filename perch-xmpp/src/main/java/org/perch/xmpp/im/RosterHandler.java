package org.perch.xmpp.im;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.store.Roster;
import org.perch.store.RosterItem;
import org.perch.store.RosterStore;
import org.perch.store.Subscription;
import org.perch.xmpp.iq.IqHandler;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.SessionRegistry;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/** RFC 6121 §2: roster get (with versioning, §2.6), set, remove, and roster pushes to interested resources. */
public final class RosterHandler implements IqHandler {
    public static final String NS = "jabber:iq:roster";
    private static final int MAX_NAME = 1023;

    private final RosterStore rosters;
    private final SessionRegistry sessions;
    private PresenceBroker presence;

    public RosterHandler(RosterStore rosters, SessionRegistry sessions) {
        this.rosters = rosters;
        this.sessions = sessions;
    }

    /** Removing a contact cancels subscriptions, which the presence broker carries out. */
    void presenceBroker(PresenceBroker broker) {
        this.presence = broker;
    }

    @Override
    public String namespace() {
        return NS;
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement query) {
        if (Stanzas.to(iq).filter(to -> !to.equals(from.bareJid())).isPresent()) {
            throw new StanzaException(StanzaErrorCondition.FORBIDDEN, "a roster belongs to its owner");
        }
        return Stanzas.type(iq).equals("get") ? get(from, iq, query) : set(from, iq, query);
    }

    private XmlElement get(ClientSession from, XmlElement iq, XmlElement query) {
        from.rosterRequested(true);
        Roster roster = rosters.roster(from.bareJid());
        String version = Long.toString(roster.version());
        if (query.attribute("ver").filter(version::equals).isPresent()) {
            return Stanzas.result(iq);
        }
        XmlElement.Builder q = XmlElement.builder("query", NS).attribute("ver", version);
        roster.items().forEach(i -> q.child(itemXml(i)));
        return Stanzas.result(iq, q.build());
    }

    private XmlElement set(ClientSession from, XmlElement iq, XmlElement query) {
        List<XmlElement> items = query.children("item", NS);
        if (items.size() != 1) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "a roster set carries exactly one item");
        }
        XmlElement item = items.getFirst();
        Jid contact = contactOf(item);
        Jid owner = from.bareJid();
        if (item.attributeOr("subscription", "").equals("remove")) {
            RosterItem existing = rosters.roster(owner).item(contact).orElseThrow(
                    () -> new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, contact + " is not in the roster"));
            presence.cancelBoth(from, existing);
            push(owner, rosters.remove(owner, contact), removedXml(contact));
            return Stanzas.result(iq);
        }
        String name = item.attributeOr("name", "");
        if (name.length() > MAX_NAME) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "name is too long");
        }
        Set<String> groups = new HashSet<>();
        for (XmlElement g : item.children("group", NS)) {
            String group = g.text();
            if (group.isEmpty() || group.length() > MAX_NAME) {
                throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "a group name must be 1-1023 characters");
            }
            if (!groups.add(group)) {
                throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "group '" + group + "' appears twice");
            }
        }
        RosterItem current = rosters.roster(owner).item(contact).orElse(RosterItem.of(contact));
        update(owner, new RosterItem(contact, name, current.subscription(), current.pendingOut(), groups));
        return Stanzas.result(iq);
    }

    /** Stores the item and pushes it to the owner's interested resources. */
    void update(Jid owner, RosterItem item) {
        push(owner, rosters.put(owner, item), itemXml(item));
    }

    private void push(Jid owner, long version, XmlElement item) {
        for (ClientSession s : sessions.sessionsOf(owner)) {
            if (s.rosterRequested()) {
                s.deliver(XmlElement.builder("iq", Namespaces.CLIENT).attribute("type", "set")
                        .attribute("id", "push-" + UUID.randomUUID()).attribute("to", s.jid().toString())
                        .child(XmlElement.builder("query", NS).attribute("ver", version).child(item).build())
                        .build());
            }
        }
    }

    private static Jid contactOf(XmlElement item) {
        try {
            return Jid.of(item.attribute("jid").orElseThrow(
                    () -> new StanzaException(StanzaErrorCondition.BAD_REQUEST, "item has no jid"))).toBare();
        } catch (InvalidJidException e) {
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED, e.getMessage());
        }
    }

    static XmlElement itemXml(RosterItem i) {
        XmlElement.Builder b = XmlElement.builder("item", NS).attribute("jid", i.jid())
                .attribute("name", i.name().isEmpty() ? null : i.name())
                .attribute("subscription", i.subscription().xmlValue())
                .attribute("ask", i.pendingOut() ? "subscribe" : null);
        i.groups().stream().sorted().forEach(g -> b.textChild("group", NS, g));
        return b.build();
    }

    private static XmlElement removedXml(Jid contact) {
        return XmlElement.builder("item", NS).attribute("jid", contact).attribute("subscription", "remove").build();
    }

    static boolean hasTo(Subscription s) {
        return s == Subscription.TO || s == Subscription.BOTH;
    }

    static boolean hasFrom(Subscription s) {
        return s == Subscription.FROM || s == Subscription.BOTH;
    }
}
