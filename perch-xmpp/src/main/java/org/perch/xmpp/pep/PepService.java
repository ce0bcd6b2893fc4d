package org.perch.xmpp.pep;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.domain.chat.MessageFeed;
import org.perch.store.RosterStore;
import org.perch.store.Subscription;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepNode;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepStore;
import org.perch.xmpp.iq.IqHandler;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.SessionRegistry;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * Each account's PEP service (XEP-0163) at its bare JID: the owner publishes (creating nodes with the
 * publish-options, XEP-0060 §7.1.5), retracts, purges and deletes; anyone the node's access model lets in reads its
 * items. Payloads are kept as XML text, bounded by {@link PepLimits}, as are items per node and nodes per account.
 */
public final class PepService implements IqHandler {
    private final PepStore store;
    private final RosterStore rosters;
    private final PepNotifier notifier;
    private final PepLimits limits;
    private final Clock clock;

    public PepService(PepStore store, RosterStore rosters, SessionRegistry sessions, PepLimits limits, Clock clock) {
        this.store = store;
        this.rosters = rosters;
        this.notifier = new PepNotifier(sessions);
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String namespace() {
        return PepNamespaces.PUBSUB;
    }

    /** None on the server's disco#info: the PEP features are the account's ({@link PepNamespaces#FEATURES}). */
    @Override
    public List<String> features() {
        return List.of();
    }

    /**
     * Private XML storage (XEP-0049) of the sender's account, its {@code storage:bookmarks} a view of the XEP-0402
     * node ({@link PepNamespaces#BOOKMARKS_COMPAT}).
     */
    public IqHandler privateStorage() {
        return new PrivateStorage(store, new LegacyBookmarks(store, notifier, limits, clock), limits, clock);
    }

    /**
     * Sends notifications through the pool feed from now on, so that the owner's resources on every server of the
     * pool get them (ADR 0004). Call it before the feed is followed.
     */
    public void joinPool(MessageFeed feed) {
        notifier.joinPool(feed);
    }

    /** The XEP-0060 owner namespace: node deletion and purge. */
    public IqHandler ownerHandler() {
        return new IqHandler() {
            @Override
            public String namespace() {
                return PepNamespaces.OWNER;
            }

            @Override
            public List<String> features() {
                return List.of();
            }

            @Override
            public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
                return owner(from, iq, payload);
            }
        };
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement pubsub) {
        Jid owner = ownerOf(from, iq);
        XmlElement action = single(pubsub);
        String expected = switch (action.name()) {
            case "publish", "retract" -> "set";
            case "items" -> "get";
            default -> throw PepErrors.unsupported(action.name(), "Perch's PEP does not support " + action.name()
                    + "; the owner's resources are notified without subscribing");
        };
        if (!Stanzas.type(iq).equals(expected)) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, action.name() + " is an IQ " + expected);
        }
        return switch (action.name()) {
            case "publish" -> publish(from, iq, owner, action, pubsub.child("publish-options", PepNamespaces.PUBSUB));
            case "retract" -> retract(from, iq, owner, action);
            default -> items(from, iq, owner, action);
        };
    }

    private XmlElement owner(ClientSession from, XmlElement iq, XmlElement pubsubOwner) {
        Jid owner = ownerOf(from, iq);
        requireOwner(from, owner);
        XmlElement action = single(pubsubOwner);
        if (!Stanzas.type(iq).equals("set") || !(action.name().equals("delete") || action.name().equals("purge"))) {
            throw PepErrors.unsupported(action.name(), "Perch's PEP supports only node delete and purge here;"
                    + " nodes are configured with publish-options");
        }
        String node = nodeOf(action);
        if (action.name().equals("delete")) {
            if (!store.delete(owner, node)) {
                throw PepErrors.noSuchNode();
            }
        } else {
            if (store.node(owner, node).isEmpty()) {
                throw PepErrors.noSuchNode();
            }
            store.purge(owner, node);
        }
        notifier.notify(owner, XmlElement.builder(action.name(), PepNamespaces.EVENT).attribute("node", node)
                .build());
        return Stanzas.result(iq);
    }

    private XmlElement publish(ClientSession from, XmlElement iq, Jid owner, XmlElement publish,
                               Optional<XmlElement> publishOptions) {
        requireOwner(from, owner);
        String node = nodeOf(publish);
        PublishOptions options = PublishOptions.parse(publishOptions, limits);
        List<ParsedItem> items = parseItems(publish);
        PepNodeConfig config = nodeFor(owner, node, options);
        List<XmlElement> published = new ArrayList<>();
        List<XmlElement> events = new ArrayList<>();
        for (ParsedItem item : items) {
            if (config.persistItems()) {
                store.publish(owner, node, new PepItem(item.id(), clock.instant(), item.text()));
            }
            published.add(XmlElement.builder("item", PepNamespaces.PUBSUB).attribute("id", item.id()).build());
            events.add(PepNotifier.item(item.id(), item.payload()));
        }
        notifier.notify(owner, PepNotifier.items(node, events));
        return Stanzas.result(iq, XmlElement.builder("pubsub", PepNamespaces.PUBSUB).child(XmlElement
                .builder("publish", PepNamespaces.PUBSUB).attribute("node", node).children(published).build())
                .build());
    }

    /** The node's configuration, checked against the options, or a new node made with them (auto-create). */
    private PepNodeConfig nodeFor(Jid owner, String node, PublishOptions options) {
        Optional<PepNode> existing = store.node(owner, node);
        if (existing.isEmpty()) {
            if (store.nodes(owner).size() >= limits.maxNodes()) {
                throw PepErrors.of(StanzaErrorCondition.NOT_ALLOWED, "max-nodes-exceeded",
                        "an account may have at most " + limits.maxNodes() + " nodes");
            }
            PepNodeConfig config = options.newNode(limits);
            if (store.create(owner, node, config)) {
                return config;
            }
            existing = store.node(owner, node); // another resource created it first
        }
        PepNodeConfig config = existing.orElseThrow(PepErrors::noSuchNode).config();
        options.check(config);
        return config;
    }

    private record ParsedItem(String id, XmlElement payload, String text) {
    }

    private List<ParsedItem> parseItems(XmlElement publish) {
        List<XmlElement> items = publish.children("item", PepNamespaces.PUBSUB);
        if (items.isEmpty() || items.size() != publish.elements().size()) {
            throw PepErrors.of(StanzaErrorCondition.BAD_REQUEST, "item-required", "publish at least one item");
        }
        if (items.size() > limits.maxItems()) {
            throw PepErrors.invalidPayload("publish at most " + limits.maxItems() + " items at once");
        }
        List<ParsedItem> parsed = new ArrayList<>();
        for (XmlElement item : items) {
            String id = item.attribute("id").filter(i -> !i.isEmpty()).orElseGet(() -> UUID.randomUUID().toString());
            requireName("item id", id);
            if (item.elements().size() != 1) {
                throw item.elements().isEmpty()
                        ? PepErrors.of(StanzaErrorCondition.BAD_REQUEST, "payload-required", "an item needs a payload")
                        : PepErrors.invalidPayload("an item holds exactly one payload element");
            }
            XmlElement payload = item.elements().getFirst();
            String text = XmlWriter.toXml(payload);
            if (text.getBytes(StandardCharsets.UTF_8).length > limits.maxPayloadBytes()) {
                throw PepErrors.payloadTooBig(limits.maxPayloadBytes());
            }
            parsed.add(new ParsedItem(id, payload, text));
        }
        return parsed;
    }

    private XmlElement retract(ClientSession from, XmlElement iq, Jid owner, XmlElement retract) {
        requireOwner(from, owner);
        String node = nodeOf(retract);
        List<XmlElement> items = retract.children("item", PepNamespaces.PUBSUB);
        if (items.size() != 1 || items.getFirst().attribute("id").filter(i -> !i.isEmpty()).isEmpty()) {
            throw PepErrors.itemRequired();
        }
        String id = items.getFirst().attribute("id").orElseThrow();
        if (store.node(owner, node).isEmpty()) {
            throw PepErrors.noSuchNode();
        }
        if (!store.retract(owner, node, id)) {
            throw new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "the node has no item " + id);
        }
        notifier.notify(owner, PepNotifier.items(node, List.of(PepNotifier.retract(id))));
        return Stanzas.result(iq);
    }

    private XmlElement items(ClientSession from, XmlElement iq, Jid owner, XmlElement request) {
        String node = nodeOf(request);
        PepNode found = store.node(owner, node).orElseThrow(PepErrors::noSuchNode);
        requireReadable(from.bareJid(), owner, found);
        List<String> ids = request.children("item", PepNamespaces.PUBSUB).stream()
                .map(i -> i.attribute("id").orElseThrow(PepErrors::itemRequired)).toList();
        List<PepItem> items;
        if (!ids.isEmpty()) {
            items = ids.stream().distinct().map(id -> store.item(owner, node, id)).flatMap(Optional::stream).toList();
        } else {
            items = store.items(owner, node, maxItems(request));
        }
        List<XmlElement> children = items.stream().map(i -> XmlElement.builder("item", PepNamespaces.PUBSUB)
                .attribute("id", i.id()).child(XmlFragment.read(i.payload())).build()).toList();
        return Stanzas.result(iq, XmlElement.builder("pubsub", PepNamespaces.PUBSUB).child(XmlElement
                .builder("items", PepNamespaces.PUBSUB).attribute("node", node).children(children).build()).build());
    }

    private int maxItems(XmlElement request) {
        Optional<String> max = request.attribute("max_items");
        if (max.isEmpty()) {
            return limits.maxItems();
        }
        try {
            int n = Integer.parseInt(max.get().strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return Math.min(n, limits.maxItems());
        } catch (NumberFormatException e) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "max_items must be a positive number");
        }
    }

    private void requireReadable(Jid requester, Jid owner, PepNode node) {
        if (requester.equals(owner)) {
            return;
        }
        switch (node.config().access()) {
            case OPEN -> { }
            case PRESENCE -> {
                boolean subscribed = rosters.roster(owner).item(requester).map(i -> i.subscription()
                        == Subscription.FROM || i.subscription() == Subscription.BOTH).orElse(false);
                if (!subscribed) {
                    throw PepErrors.presenceSubscriptionRequired();
                }
            }
            case WHITELIST -> throw PepErrors.closedNode();
        }
    }

    private static Jid ownerOf(ClientSession from, XmlElement iq) {
        Jid to = Stanzas.to(iq).map(Jid::toBare).orElse(from.bareJid());
        if (!to.hasLocal()) {
            throw new StanzaException(StanzaErrorCondition.SERVICE_UNAVAILABLE,
                    "Perch has no pubsub service on its domain; PEP is at each account's bare JID");
        }
        return to;
    }

    private static void requireOwner(ClientSession from, Jid owner) {
        if (!owner.equals(from.bareJid())) {
            throw PepErrors.notOwner();
        }
    }

    private static XmlElement single(XmlElement payload) {
        List<XmlElement> actions = payload.elements().stream()
                .filter(e -> !e.is("publish-options", PepNamespaces.PUBSUB)).toList();
        if (actions.size() != 1) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "a pubsub request holds one action");
        }
        return actions.getFirst();
    }

    private static String nodeOf(XmlElement action) {
        String node = action.attribute("node").orElseThrow(PepErrors::nodeRequired);
        requireName("node", node);
        if (node.equals(PrivateStorage.NODE)) {
            throw new StanzaException(StanzaErrorCondition.NOT_ALLOWED, "the node " + node
                    + " holds the account's private XML storage (XEP-0049); use jabber:iq:private");
        }
        return node;
    }

    private static void requireName(String what, String name) {
        if (name.isEmpty() || name.length() > Jid.MAX_PART_OCTETS) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                    what + " must have 1 to " + Jid.MAX_PART_OCTETS + " characters");
        }
    }
}
