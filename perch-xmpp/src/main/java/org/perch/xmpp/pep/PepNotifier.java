package org.perch.xmpp.pep;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.domain.chat.MessageFeed;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.SessionRegistry;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;

/**
 * Sends XEP-0060 event notifications ({@code <message type='headline'><event/></message>}) about an account's nodes
 * to every resource of the owner, whether or not it announced {@code +notify} in its XEP-0115 capabilities: the
 * owner is subscribed to their own nodes (XEP-0163 §4.3), clients ignore events they do not know, and a client that
 * missed one reads the node again when it reconnects. Contacts get no notifications; they read open and presence
 * nodes on demand. On a server of its own the owner's sessions here are all there are; in a pool the notification
 * goes through the pool feed ({@link PoolPepNotifications}), and every server, this one included, delivers it to the
 * owner's sessions it holds, so that each resource gets it once wherever it is connected.
 */
final class PepNotifier {
    private final SessionRegistry sessions;
    private volatile Optional<PoolPepNotifications> pool = Optional.empty();

    PepNotifier(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /** From now on, notifications go through the pool feed; call it before the feed is followed. */
    void joinPool(MessageFeed feed) {
        PoolPepNotifications notifications = new PoolPepNotifications(feed, this);
        feed.route(PoolPepNotifications.KIND, notifications::apply);
        pool = Optional.of(notifications);
    }

    /** Tells the owner's resources what happened to the node: {@code change} is a child of {@code <event/>}. */
    void notify(Jid owner, XmlElement change) {
        XmlElement event = XmlElement.builder("event", PepNamespaces.EVENT).child(change).build();
        pool.ifPresentOrElse(p -> p.append(owner, event), () -> deliverHere(owner, event));
    }

    /** Sends the {@code <event/>} to the owner's resources bound to this server. */
    void deliverHere(Jid owner, XmlElement event) {
        List<ClientSession> targets = sessions.sessionsOf(owner);
        for (ClientSession session : targets) {
            session.deliver(XmlElement.builder("message", Namespaces.CLIENT)
                    .attribute("from", owner.toString())
                    .attribute("to", session.jid().toString())
                    .attribute("type", "headline")
                    .attribute("id", UUID.randomUUID().toString())
                    .child(event)
                    .build());
        }
    }

    static XmlElement items(String node, List<XmlElement> items) {
        return XmlElement.builder("items", PepNamespaces.EVENT).attribute("node", node).children(items).build();
    }

    static XmlElement item(String id, XmlElement payload) {
        return XmlElement.builder("item", PepNamespaces.EVENT).attribute("id", id).child(payload).build();
    }

    static XmlElement retract(String id) {
        return XmlElement.builder("retract", PepNamespaces.EVENT).attribute("id", id).build();
    }
}
