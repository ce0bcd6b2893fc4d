package org.perch.xmpp.pep;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.perch.core.Jid;
import org.perch.store.pep.PepAccess;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepSendLast;
import org.perch.store.pep.PepStore;
import org.perch.xmpp.iq.IqHandler;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.XmlFragment;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * Private XML storage (XEP-0049, {@code jabber:iq:private}) of the sender's own account. {@code storage:bookmarks}
 * is the XEP-0048 view of the XEP-0402 node ({@link LegacyBookmarks}). Any other element is kept as it is, one per
 * element name and namespace, as an item of the owner's node {@value #NODE}, which PEP requests cannot reach: the
 * same store, limits and pool-wide reach as the rest of the account's data, and no second store to run. It is
 * bounded like PEP (each element at most {@code pep.max-payload-bytes}, at most {@value #MAX_ELEMENTS} elements),
 * because clients (Smack's {@code PrivateDataManager.isSupported}, Gajim's roster notes) expect storage that
 * works for any namespace, and refusing them would make a client believe bookmarks are unsupported too.
 * The namespaces XEP-0049 calls reserved ({@code jabber:*}, {@code http://jabber.org/*}, {@code vcard-temp}) are
 * refused with {@code not-acceptable}.
 */
final class PrivateStorage implements IqHandler {
    static final String NS = "jabber:iq:private";
    /** The node holding private XML other than bookmarks; {@link PepService} refuses to touch it. */
    static final String NODE = NS;
    static final int MAX_ELEMENTS = 64;

    private final PepStore store;
    private final LegacyBookmarks bookmarks;
    private final PepLimits limits;
    private final Clock clock;

    PrivateStorage(PepStore store, LegacyBookmarks bookmarks, PepLimits limits, Clock clock) {
        this.store = store;
        this.bookmarks = bookmarks;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String namespace() {
        return NS;
    }

    /** XEP-0049 defines no feature: clients simply ask. */
    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement query) {
        Jid owner = from.bareJid();
        List<XmlElement> elements = query.elements();
        if (elements.isEmpty()) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "name the private data by an element in its namespace");
        }
        elements.forEach(PrivateStorage::requireUnreserved);
        if (Stanzas.type(iq).equals("get")) {
            if (elements.size() != 1) {
                throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "ask for one element at a time");
            }
            return Stanzas.result(iq, XmlElement.builder("query", NS).child(read(owner, elements.getFirst()))
                    .build());
        }
        List<XmlElement> others = elements.stream().filter(e -> !isBookmarks(e)).toList();
        others.forEach(this::requireSize);
        for (XmlElement storage : elements.stream().filter(PrivateStorage::isBookmarks).toList()) {
            bookmarks.replace(owner, storage);
        }
        if (!others.isEmpty()) {
            int max = requireNode(owner);
            for (XmlElement element : others) {
                write(owner, element, max);
            }
        }
        return Stanzas.result(iq);
    }

    private XmlElement read(Jid owner, XmlElement asked) {
        if (isBookmarks(asked)) {
            return bookmarks.read(owner);
        }
        // Nothing stored yet: the empty element asked for, as XEP-0049 servers answer.
        return store.item(owner, NODE, key(asked)).map(item -> XmlFragment.read(item.payload()))
                .orElse(XmlElement.empty(asked.name(), asked.namespace()));
    }

    private void write(Jid owner, XmlElement element, int max) {
        String key = key(element);
        if (store.item(owner, NODE, key).isEmpty() && store.items(owner, NODE, max).size() >= max) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "private storage keeps at most " + max + " elements per account");
        }
        store.publish(owner, NODE, new PepItem(key, clock.instant(), XmlWriter.toXml(element)));
    }

    /** The private-storage node's capacity, making the node if need be. */
    private int requireNode(Jid owner) {
        int max = Math.min(MAX_ELEMENTS, limits.maxItems());
        if (store.node(owner, NODE).isEmpty()) {
            if (store.nodes(owner).size() >= limits.maxNodes()) {
                throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "the account has "
                        + limits.maxNodes() + " PEP nodes, the most it may have, and private storage needs one");
            }
            store.create(owner, NODE, new PepNodeConfig(max, PepAccess.WHITELIST, true, PepSendLast.NEVER));
        }
        return store.node(owner, NODE).map(n -> n.config().maxItems()).orElse(max);
    }

    private void requireSize(XmlElement element) {
        if (XmlWriter.toXml(element).getBytes(StandardCharsets.UTF_8).length > limits.maxPayloadBytes()) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "a private XML element may take at most "
                    + limits.maxPayloadBytes() + " bytes");
        }
    }

    private static boolean isBookmarks(XmlElement element) {
        return element.is("storage", Bookmark.LEGACY);
    }

    /** Clark notation: one element per name and namespace, as clients ask by both. */
    private static String key(XmlElement element) {
        return "{" + element.namespace() + "}" + element.name();
    }

    private static void requireUnreserved(XmlElement element) {
        String ns = element.namespace();
        if (ns.isEmpty() || ns.startsWith("jabber:") || ns.startsWith("http://jabber.org/")
                || ns.equals("vcard-temp")) {
            throw new StanzaException(StanzaErrorCondition.NOT_ACCEPTABLE, "the namespace '" + ns + "' is reserved"
                    + " (XEP-0049); keep private data in a namespace of your own");
        }
        if (key(element).length() > Jid.MAX_PART_OCTETS) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, "a private XML element's name and namespace"
                    + " may take at most " + Jid.MAX_PART_OCTETS + " characters together");
        }
    }
}
