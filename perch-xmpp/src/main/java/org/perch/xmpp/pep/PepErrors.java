package org.perch.xmpp.pep;

import java.util.Optional;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;

/** The XEP-0060 errors (§7, §6.5.9) Perch answers with, each with its {@code pubsub#errors} condition. */
final class PepErrors {

    private PepErrors() {
    }

    static StanzaException of(StanzaErrorCondition condition, String pubsubCondition, String text) {
        return new StanzaException(condition, text, Optional.of(XmlElement.empty(pubsubCondition,
                PepNamespaces.ERRORS)));
    }

    /** §7.1.5: the publish-options do not match the node, or ask for what Perch does not offer. */
    static StanzaException preconditionNotMet(String text) {
        return of(StanzaErrorCondition.CONFLICT, "precondition-not-met", text);
    }

    static StanzaException payloadTooBig(int max) {
        return of(StanzaErrorCondition.NOT_ACCEPTABLE, "payload-too-big",
                "an item's payload may take at most " + max + " bytes");
    }

    static StanzaException invalidPayload(String text) {
        return of(StanzaErrorCondition.BAD_REQUEST, "invalid-payload", text);
    }

    static StanzaException nodeRequired() {
        return of(StanzaErrorCondition.BAD_REQUEST, "nodeid-required", "name the node");
    }

    static StanzaException itemRequired() {
        return of(StanzaErrorCondition.BAD_REQUEST, "item-required", "name the item to retract");
    }

    static StanzaException closedNode() {
        return of(StanzaErrorCondition.NOT_ALLOWED, "closed-node", "only its owner may read this node");
    }

    static StanzaException presenceSubscriptionRequired() {
        return of(StanzaErrorCondition.NOT_AUTHORIZED, "presence-subscription-required",
                "only contacts subscribed to the owner's presence may read this node");
    }

    static StanzaException notOwner() {
        return new StanzaException(StanzaErrorCondition.FORBIDDEN, "only the account's owner may change its nodes");
    }

    static StanzaException noSuchNode() {
        return new StanzaException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such node");
    }

    static StanzaException unsupported(String feature, String text) {
        return new StanzaException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, text, Optional.of(
                XmlElement.builder("unsupported", PepNamespaces.ERRORS).attribute("feature", feature).build()));
    }
}
