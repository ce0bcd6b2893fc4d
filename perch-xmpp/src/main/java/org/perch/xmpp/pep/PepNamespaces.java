package org.perch.xmpp.pep;

import java.util.List;

/** The XEP-0060 namespaces, and the node names Perch gives a meaning to. */
public final class PepNamespaces {
    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    public static final String OWNER = PUBSUB + "#owner";
    public static final String EVENT = PUBSUB + "#event";
    public static final String ERRORS = PUBSUB + "#errors";
    public static final String PUBLISH_OPTIONS = PUBSUB + "#publish-options";
    /** XEP-0402: one item per followed room, its id the room's bare JID. */
    public static final String BOOKMARKS = "urn:xmpp:bookmarks:1";
    /**
     * XEP-0402 §5.3: XEP-0048 bookmarks in private XML storage (XEP-0049) are the same as the node's. Not
     * {@code #compat-pep}: the legacy PEP node {@code storage:bookmarks} is an ordinary node, not a view.
     */
    public static final String BOOKMARKS_COMPAT = BOOKMARKS + "#compat";
    /** XEP-0490: one item per conversation, its id the room's bare JID, holding the last displayed stanza-id. */
    public static final String DISPLAYED = "urn:xmpp:mds:displayed:0";
    /** XEP-0359, inside a XEP-0490 item. */
    public static final String STANZA_ID = "urn:xmpp:sid:0";

    /** What the account's disco#info lists (XEP-0060 §10 feature names, checked by XEP-0163 and XEP-0402 clients). */
    public static final List<String> FEATURES = List.of(PUBSUB, PUBSUB + "#publish", PUBLISH_OPTIONS,
            PUBSUB + "#auto-create", PUBSUB + "#persistent-items", PUBSUB + "#retrieve-items", PUBSUB + "#item-ids",
            PUBSUB + "#multi-items", PUBSUB + "#retract-items", PUBSUB + "#delete-items", PUBSUB + "#purge-nodes",
            PUBSUB + "#delete-nodes", PUBSUB + "#config-node-max", PUBSUB + "#access-whitelist",
            PUBSUB + "#access-presence", PUBSUB + "#access-open", BOOKMARKS_COMPAT);

    private PepNamespaces() {
    }
}
