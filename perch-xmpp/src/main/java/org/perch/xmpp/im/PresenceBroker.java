package org.perch.xmpp.im;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.RosterItem;
import org.perch.store.RosterStore;
import org.perch.store.Subscription;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.SessionRegistry;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * RFC 6121 presence for local accounts: broadcast to subscribers and the user's own resources (§4), probes on
 * initial presence, directed presence, and the subscription state machine (§3), each change pushed to the
 * roster. Unanswered subscription requests are kept in memory and shown again when the contact comes online.
 */
public final class PresenceBroker {
    private final RosterStore rosters;
    private final SessionRegistry sessions;
    private final RosterHandler roster;
    /** Bounds on unanswered requests kept in memory, so request floods cannot exhaust the heap. */
    private static final int MAX_PENDING_CONTACTS = 100_000;
    private static final int MAX_PENDING_PER_CONTACT = 200;
    private final Map<Jid, Map<Jid, XmlElement>> pendingRequests = new ConcurrentHashMap<>();

    public PresenceBroker(RosterStore rosters, SessionRegistry sessions, RosterHandler roster) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.roster = roster;
        roster.presenceBroker(this);
    }

    /** A presence with no {@code to}: the user's availability, for everyone subscribed to it. */
    public void broadcast(ClientSession from, XmlElement presence) {
        String type = presence.attributeOr("type", "");
        if (!type.isEmpty() && !type.equals("unavailable")) {
            return;
        }
        boolean initial = type.isEmpty() && from.presence().isEmpty();
        from.presence(type.isEmpty() ? presence : null);
        List<RosterItem> items = rosters.roster(from.bareJid()).items();
        for (RosterItem item : items) {
            if (RosterHandler.hasFrom(item.subscription())) {
                sendToAvailable(item.jid(), presence);
            }
        }
        for (ClientSession own : sessions.sessionsOf(from.bareJid())) {
            if (own != from && own.presence().isPresent()) {
                own.deliver(presence.withAttribute("to", own.jid().toString()));
                if (initial) {
                    from.deliver(own.presence().get().withAttribute("to", from.jid().toString()));
                }
            }
        }
        if (initial) {
            pendingRequests.getOrDefault(from.bareJid(), Map.of()).values()
                    .forEach(request -> from.deliver(request.withAttribute("to", from.jid().toString())));
            for (RosterItem item : items) {
                if (RosterHandler.hasTo(item.subscription())) {
                    presencesOf(item.jid(), from);
                }
            }
        }
    }

    /** A presence addressed to a local user without a subscription type (directed presence, §4.6). */
    public void directed(Jid to, XmlElement presence) {
        if (to.hasResource()) {
            sessions.find(to).ifPresent(s -> s.deliver(presence));
        } else {
            sendToAvailable(to, presence);
        }
    }

    /** A probe (§4.3): answered with the contact's presences if the prober is subscribed to them. */
    public void probe(ClientSession from, Jid to) {
        Optional<RosterItem> item = rosters.roster(to.toBare()).item(from.bareJid());
        if (item.filter(i -> RosterHandler.hasFrom(i.subscription())).isPresent()) {
            presencesOf(to.toBare(), from);
        }
    }

    /** subscribe / subscribed / unsubscribe / unsubscribed from a local user to a local contact (§3). */
    public void subscription(ClientSession from, Jid to, XmlElement presence) {
        Jid user = from.bareJid();
        Jid contact = to.toBare();
        XmlElement stamped = presence.withAttribute("from", user.toString()).withAttribute("to", contact.toString());
        switch (presence.attributeOr("type", "")) {
            case "subscribe" -> {
                RosterItem mine = itemOf(user, contact);
                if (RosterHandler.hasFrom(itemOf(contact, user).subscription())) {
                    roster.update(user, with(mine, addTo(mine.subscription()), false));
                    deliverToAll(user, presenceFrom(contact, user, "subscribed"));
                    return;
                }
                if (!RosterHandler.hasTo(mine.subscription()) && !mine.pendingOut()) {
                    roster.update(user, with(mine, mine.subscription(), true));
                }
                offerSubscription(contact, stamped);
            }
            case "subscribed" -> {
                answered(user, contact);
                RosterItem mine = itemOf(user, contact);
                RosterItem theirs = itemOf(contact, user);
                if (!theirs.pendingOut()) {
                    return;
                }
                roster.update(user, with(mine, addFrom(mine.subscription()), mine.pendingOut()));
                roster.update(contact, with(theirs, addTo(theirs.subscription()), false));
                deliverToAll(contact, stamped);
                for (ClientSession s : sessions.sessionsOf(user)) {
                    s.presence().ifPresent(p -> deliverToAll(contact, p.withAttribute("from", s.jid().toString())
                            .withAttribute("to", contact.toString())));
                }
            }
            case "unsubscribe" -> {
                // Presences first, roster pushes last: a client that waits for the push has seen them all.
                deliverToAll(contact, stamped);
                for (ClientSession s : sessions.sessionsOf(contact)) {
                    deliverToAll(user, presenceFrom(s.jid(), user, "unavailable"));
                }
                RosterItem mine = itemOf(user, contact);
                roster.update(user, with(mine, removeTo(mine.subscription()), false));
                RosterItem theirs = itemOf(contact, user);
                if (RosterHandler.hasFrom(theirs.subscription())) {
                    roster.update(contact, with(theirs, removeFrom(theirs.subscription()), theirs.pendingOut()));
                }
            }
            case "unsubscribed" -> {
                answered(user, contact);
                RosterItem mine = itemOf(user, contact);
                RosterItem theirs = itemOf(contact, user);
                boolean contactLosesSubscription = RosterHandler.hasTo(theirs.subscription()) || theirs.pendingOut();
                if (contactLosesSubscription) {
                    deliverToAll(contact, stamped);
                    for (ClientSession s : sessions.sessionsOf(user)) {
                        deliverToAll(contact, presenceFrom(s.jid(), contact, "unavailable"));
                    }
                }
                if (RosterHandler.hasFrom(mine.subscription())) {
                    roster.update(user, with(mine, removeFrom(mine.subscription()), mine.pendingOut()));
                }
                if (contactLosesSubscription) {
                    roster.update(contact, with(theirs, removeTo(theirs.subscription()), false));
                }
            }
            default -> { }
        }
    }

    /** Removing a contact from the roster cancels both directions (RFC 6121 §2.5.3). */
    void cancelBoth(ClientSession from, RosterItem item) {
        Jid user = from.bareJid();
        if (RosterHandler.hasTo(item.subscription()) || item.pendingOut()) {
            subscription(from, item.jid(), presenceFrom(user, item.jid(), "unsubscribe"));
        }
        if (RosterHandler.hasFrom(itemOf(user, item.jid()).subscription())) {
            subscription(from, item.jid(), presenceFrom(user, item.jid(), "unsubscribed"));
        }
    }

    /** The session is gone for good: if it was available, its contacts see it leave. */
    public void sessionEnded(ClientSession session) {
        if (session.presence().isPresent()) {
            broadcast(session, presenceFrom(session.jid(), session.bareJid(), "unavailable")
                    .withoutAttribute("to"));
        }
    }

    private void presencesOf(Jid contact, ClientSession to) {
        for (ClientSession s : sessions.sessionsOf(contact)) {
            s.presence().ifPresent(p -> to.deliver(p.withAttribute("from", s.jid().toString())
                    .withAttribute("to", to.jid().toString())));
        }
    }

    /**
     * Delivers a subscription request to the contact's available or roster-interested resources, and keeps it
     * until answered so a resource that comes online later sees it too (RFC 6121 §3.1.3). Requests are kept in
     * memory only: a restart forgets unanswered ones.
     */
    private void offerSubscription(Jid contact, XmlElement request) {
        Jid requester = Stanzas.from(request).orElseThrow();
        if (pendingRequests.size() < MAX_PENDING_CONTACTS) {
            Map<Jid, XmlElement> forContact = pendingRequests.computeIfAbsent(contact, k -> new ConcurrentHashMap<>());
            if (forContact.size() < MAX_PENDING_PER_CONTACT) {
                forContact.put(requester, request);
            }
        }
        for (ClientSession s : sessions.sessionsOf(contact)) {
            if (s.presence().isPresent() || s.rosterRequested()) {
                s.deliver(request.withAttribute("to", s.jid().toString()));
            }
        }
    }

    private void answered(Jid contact, Jid requester) {
        pendingRequests.computeIfPresent(contact, (k, requests) -> {
            requests.remove(requester);
            return requests.isEmpty() ? null : requests;
        });
    }

    private void sendToAvailable(Jid bare, XmlElement presence) {
        for (ClientSession s : sessions.sessionsOf(bare)) {
            if (s.presence().isPresent()) {
                s.deliver(presence.withAttribute("to", s.jid().toString()));
            }
        }
    }

    private void deliverToAll(Jid bare, XmlElement stanza) {
        for (ClientSession s : sessions.sessionsOf(bare)) {
            s.deliver(stanza);
        }
    }

    private RosterItem itemOf(Jid owner, Jid contact) {
        return rosters.roster(owner).item(contact).orElse(RosterItem.of(contact));
    }

    private static RosterItem with(RosterItem i, Subscription s, boolean pendingOut) {
        return new RosterItem(i.jid(), i.name(), s, pendingOut, i.groups());
    }

    private static XmlElement presenceFrom(Jid from, Jid to, String type) {
        return XmlElement.builder("presence", Namespaces.CLIENT).attribute("from", from).attribute("to", to)
                .attribute("type", type).build();
    }

    private static Subscription addTo(Subscription s) {
        return s == Subscription.FROM || s == Subscription.BOTH ? Subscription.BOTH : Subscription.TO;
    }

    private static Subscription addFrom(Subscription s) {
        return s == Subscription.TO || s == Subscription.BOTH ? Subscription.BOTH : Subscription.FROM;
    }

    private static Subscription removeTo(Subscription s) {
        return s == Subscription.BOTH || s == Subscription.FROM ? Subscription.FROM : Subscription.NONE;
    }

    private static Subscription removeFrom(Subscription s) {
        return s == Subscription.BOTH || s == Subscription.TO ? Subscription.TO : Subscription.NONE;
    }
}
