package org.perch.xmpp.pep;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepNode;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepStore;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * XEP-0048 bookmarks in private XML storage ({@code <storage xmlns='storage:bookmarks'/>}) as a view of the XEP-0402
 * node, which stays the one copy (XEP-0402 §5.3, {@code urn:xmpp:bookmarks:1#compat}): reading the storage lists the
 * node's conferences; writing it publishes the conferences that are new or changed and retracts those it no longer
 * lists, notifying the owner's resources of exactly those (unchanged ones are not notified, as §5.3.2 asks). With
 * one copy there is nothing to keep in step, and a client of either kind sees what the other wrote at once. What
 * XEP-0048 has and XEP-0402 dropped (URL bookmarks, unknown children of a conference) is not kept.
 */
final class LegacyBookmarks {
    private final PepStore store;
    private final PepNotifier notifier;
    private final PepLimits limits;
    private final Clock clock;

    LegacyBookmarks(PepStore store, PepNotifier notifier, PepLimits limits, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.limits = limits;
        this.clock = clock;
    }

    /** The owner's XEP-0402 conferences as one XEP-0048 {@code <storage/>}, in the node's order. */
    XmlElement read(Jid owner) {
        return XmlElement.builder("storage", Bookmark.LEGACY)
                .children(current(owner).values().stream().map(Bookmark::legacy).toList()).build();
    }

    /** Makes the XEP-0402 node hold the conferences of {@code storage}, and nothing else of the kind. */
    void replace(Jid owner, XmlElement storage) {
        Map<String, Bookmark> wanted = new LinkedHashMap<>();
        for (XmlElement conference : storage.children("conference", Bookmark.LEGACY)) {
            Bookmark bookmark = Bookmark.ofLegacy(conference);
            wanted.remove(bookmark.jid()); // a JID listed twice: the later one wins, and goes where it stands
            wanted.put(bookmark.jid(), bookmark);
        }
        Map<String, Bookmark> current = current(owner);
        List<Bookmark> changed = new ArrayList<>();
        for (Bookmark bookmark : wanted.values()) {
            Optional<Bookmark> was = Optional.ofNullable(current.get(bookmark.jid()));
            Bookmark next = bookmark.withExtensions(was.flatMap(Bookmark::extensions));
            if (was.filter(next::equals).isEmpty()) {
                changed.add(next);
            }
        }
        List<String> removed = current.keySet().stream().filter(jid -> !wanted.containsKey(jid)).toList();
        if (changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        List<String> payloads = changed.stream().map(b -> XmlWriter.toXml(b.payload())).toList();
        payloads.forEach(this::requireSize);
        if (!changed.isEmpty()) {
            PepNodeConfig config = node(owner, wanted.size());
            if (!config.persistItems()) {
                throw PepErrors.preconditionNotMet("the bookmarks node keeps no items (pubsub#persist_items is "
                        + "false), so it cannot hold XEP-0048 bookmarks");
            }
        }
        List<XmlElement> events = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            Bookmark bookmark = changed.get(i);
            store.publish(owner, PepNamespaces.BOOKMARKS, new PepItem(bookmark.jid(), clock.instant(),
                    payloads.get(i)));
            events.add(PepNotifier.item(bookmark.jid(), bookmark.payload()));
        }
        if (!events.isEmpty()) {
            notifier.notify(owner, PepNotifier.items(PepNamespaces.BOOKMARKS, events));
        }
        for (String jid : removed) {
            if (store.retract(owner, PepNamespaces.BOOKMARKS, jid)) {
                notifier.notify(owner, PepNotifier.items(PepNamespaces.BOOKMARKS, List.of(PepNotifier.retract(jid))));
            }
        }
    }

    /** The node's conferences by room JID, oldest first; items that are no conference are not shown. */
    private Map<String, Bookmark> current(Jid owner) {
        Map<String, Bookmark> bookmarks = new LinkedHashMap<>();
        for (PepItem item : store.items(owner, PepNamespaces.BOOKMARKS, Integer.MAX_VALUE)) {
            Bookmark.ofItem(item).ifPresent(b -> bookmarks.put(b.jid(), b));
        }
        return bookmarks;
    }

    /** The bookmarks node's configuration; created as a XEP-0402 client would (owner only, persistent) if new. */
    private PepNodeConfig node(Jid owner, int bookmarks) {
        Optional<PepNode> existing = store.node(owner, PepNamespaces.BOOKMARKS);
        PepNodeConfig config;
        if (existing.isPresent()) {
            config = existing.get().config();
        } else {
            if (store.nodes(owner).size() >= limits.maxNodes()) {
                throw PepErrors.of(StanzaErrorCondition.NOT_ALLOWED, "max-nodes-exceeded",
                        "an account may have at most " + limits.maxNodes() + " nodes");
            }
            config = PublishOptions.NONE.newNode(limits);
            if (!store.create(owner, PepNamespaces.BOOKMARKS, config)) {
                config = store.node(owner, PepNamespaces.BOOKMARKS).orElseThrow(PepErrors::noSuchNode).config();
            }
        }
        if (bookmarks > config.maxItems()) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "the bookmarks node keeps at most "
                    + config.maxItems() + " rooms; " + bookmarks + " were given");
        }
        return config;
    }

    private void requireSize(String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > limits.maxPayloadBytes()) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "a bookmark may take at most "
                    + limits.maxPayloadBytes() + " bytes");
        }
    }
}
