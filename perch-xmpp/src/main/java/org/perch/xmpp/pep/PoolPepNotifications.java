package org.perch.xmpp.pep;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.chat.MessageFeed;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PEP notifications in a pool (ADR 0004): the owner's resources may be bound to any server, so a notification is
 * appended to the pool feed once the change it tells of has committed ({@code PEP_NOTIFY}, subject the owner's bare
 * JID, payload the {@code <event/>}), and each server, the publishing one included, delivers what it reads to the
 * owner's sessions it holds. Nothing is delivered directly, so no resource gets a notification twice.
 */
final class PoolPepNotifications {
    static final PoolEventKind KIND = PoolEventKind.PEP_NOTIFY;
    private static final Logger LOG = LoggerFactory.getLogger(PoolPepNotifications.class);

    private final MessageFeed feed;
    private final PepNotifier here;

    PoolPepNotifications(MessageFeed feed, PepNotifier here) {
        this.feed = feed;
        this.here = here;
    }

    /**
     * Appends the notification; one too large for a feed event (a publication of many large items) goes as one
     * event per item. A failed append is logged, not thrown: the change has committed, the publisher's IQ succeeds,
     * and the owner's other clients read the node again when they reconnect.
     */
    void append(Jid owner, XmlElement event) {
        String subject = owner.toString();
        if (subject.length() > NewPoolEvent.MAX_SUBJECT_LENGTH) {
            // Only a JID far longer than any account name Perch creates: its own server's sessions still hear.
            here.deliverHere(owner, event);
            return;
        }
        try {
            for (XmlElement part : parts(event)) {
                feed.publish(Optional.empty(), KIND, subject, XmlWriter.toXml(part));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not send a PEP notification for {} through the pool feed", owner, e);
        }
    }

    /** Runs on the feed's reader thread: it parses and queues the stanzas on the sessions, nothing more. */
    void apply(PoolEvent event) {
        Optional<Jid> owner = Jid.parse(event.subject());
        if (owner.isEmpty()) {
            LOG.warn("A {} pool event names no account: {}", KIND, event.subject());
            return;
        }
        here.deliverHere(owner.get(), XmlFragment.read(event.payload()));
    }

    private static List<XmlElement> parts(XmlElement event) {
        if (XmlWriter.toXml(event).length() <= NewPoolEvent.MAX_PAYLOAD_LENGTH) {
            return List.of(event);
        }
        XmlElement change = event.elements().getFirst();
        return change.elements().stream().map(item -> XmlElement.builder(event.name(), event.namespace())
                .child(XmlElement.builder(change.name(), change.namespace()).attribute("node",
                        change.attributeOr("node", "")).child(item).build()).build()).toList();
    }
}
