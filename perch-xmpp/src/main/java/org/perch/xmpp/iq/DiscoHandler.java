package org.perch.xmpp.iq;

import java.util.ArrayList;
import java.util.List;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.session.ClientSession;
import org.perch.xmpp.session.XmppSettings;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.xml.XmlElement;

/**
 * XEP-0030 for the server itself: its identity and features (collected from every IQ handler), a XEP-0128
 * extension carrying XEP-0232 software information, and the MUC service as an item. Nodes (ad-hoc commands)
 * are answered by a {@link DiscoNodes} provider.
 */
public final class DiscoHandler implements IqHandler {
    public static final String INFO = "http://jabber.org/protocol/disco#info";
    public static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private final XmppSettings settings;
    private final String version;
    private final List<String> features;
    private final List<String> accountFeatures;
    private final DiscoNodes nodes;
    private final List<XmlElement> services;

    /**
     * @param features what the server's disco#info lists
     * @param accountFeatures what an account's disco#info lists (its PEP service, XEP-0163 §6), beside the identities
     *        {@code account/registered} and {@code pubsub/pep}
     * @param services further items of the server (the upload service)
     */
    public DiscoHandler(XmppSettings settings, String version, List<String> features, List<String> accountFeatures,
                        DiscoNodes nodes, List<XmlElement> services) {
        this.settings = settings;
        this.version = version;
        this.features = features.stream().sorted().distinct().toList();
        this.accountFeatures = accountFeatures.stream().sorted().distinct().toList();
        this.nodes = nodes;
        this.services = List.copyOf(services);
    }

    /** Answers disco queries for a node of the server (e.g. the ad-hoc commands node). */
    public interface DiscoNodes {
        /** Items of the node as seen by the requester, or empty if the node is unknown to it. */
        java.util.Optional<List<XmlElement>> items(ClientSession from, String node);

        /** disco#info children (identities, features) of the node, or empty if unknown. */
        java.util.Optional<List<XmlElement>> info(ClientSession from, String node);
    }

    @Override
    public String namespace() {
        return INFO;
    }

    /** The disco#items half, registered under its own namespace. */
    public IqHandler itemsHandler() {
        return new IqHandler() {
            @Override
            public String namespace() {
                return ITEMS;
            }

            @Override
            public List<String> features() {
                return List.of();
            }

            @Override
            public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
                return items(from, iq, payload);
            }
        };
    }

    @Override
    public XmlElement handle(ClientSession from, XmlElement iq, XmlElement payload) {
        IqDispatcher.requireGet(iq, "service discovery");
        String node = payload.attributeOr("node", "");
        List<XmlElement> children;
        if (!node.isEmpty()) {
            children = nodes.info(from, node).orElseThrow(() -> new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND));
        } else if (Stanzas.to(iq).map(to -> to.hasLocal()).orElse(false)) {
            children = new ArrayList<>(List.of(identity("account", "registered", ""), identity("pubsub", "pep", "")));
            accountFeatures.forEach(f -> children.add(feature(f)));
        } else {
            children = new ArrayList<>();
            children.add(identity("server", "im", "Perch"));
            features.forEach(f -> children.add(feature(f)));
            children.add(new DataForm("result", "", "", List.of(
                    DataForm.Field.hidden("FORM_TYPE", "urn:xmpp:dataforms:softwareinfo"),
                    new DataForm.Field("software", "", "", false, List.of("Perch")),
                    new DataForm.Field("software_version", "", "", false, List.of(version)))).toXml());
        }
        return Stanzas.result(iq, query(INFO, node, children));
    }

    private XmlElement items(ClientSession from, XmlElement iq, XmlElement payload) {
        IqDispatcher.requireGet(iq, "service discovery");
        String node = payload.attributeOr("node", "");
        List<XmlElement> children;
        if (!node.isEmpty()) {
            children = nodes.items(from, node).orElseThrow(() -> new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND));
        } else if (Stanzas.to(iq).map(to -> to.hasLocal()).orElse(false)) {
            children = List.of();
        } else {
            children = new ArrayList<>();
            children.add(item(settings.mucDomain(), "", "Persistent chat rooms"));
            children.addAll(services);
        }
        return Stanzas.result(iq, query(ITEMS, node, children));
    }

    public static XmlElement query(String ns, String node, List<XmlElement> children) {
        return XmlElement.builder("query", ns).attribute("node", node.isEmpty() ? null : node).children(children)
                .build();
    }

    public static XmlElement identity(String category, String type, String name) {
        return XmlElement.builder("identity", INFO).attribute("category", category).attribute("type", type)
                .attribute("name", name.isEmpty() ? null : name).build();
    }

    public static XmlElement feature(String var) {
        return XmlElement.builder("feature", INFO).attribute("var", var).build();
    }

    public static XmlElement item(String jid, String node, String name) {
        return XmlElement.builder("item", ITEMS).attribute("jid", jid).attribute("node", node.isEmpty() ? null : node)
                .attribute("name", name.isEmpty() ? null : name).build();
    }
}
