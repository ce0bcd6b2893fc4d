package org.perch.xmpp.pep;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.perch.store.pep.PepAccess;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepSendLast;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;

/**
 * The preconditions of a publication (XEP-0060 §7.1.5): the node configuration the publisher requires. A new node is
 * created with them; an existing one must already have them. Perch refuses, with {@code precondition-not-met}, any
 * field it does not keep and any value it does not offer (access models {@code roster} and {@code authorize},
 * sending the last item on presence), rather than silently storing a node that is less private than asked.
 */
record PublishOptions(Optional<Integer> maxItems, Optional<PepAccess> access, Optional<Boolean> persistItems,
                      Optional<PepSendLast> sendLast) {

    static final String MAX_ITEMS = "pubsub#max_items";
    static final String ACCESS_MODEL = "pubsub#access_model";
    static final String PERSIST_ITEMS = "pubsub#persist_items";
    static final String SEND_LAST = "pubsub#send_last_published_item";
    private static final Set<String> KNOWN = Set.of("FORM_TYPE", MAX_ITEMS, ACCESS_MODEL, PERSIST_ITEMS, SEND_LAST);

    static final PublishOptions NONE = new PublishOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** The options in a {@code <publish-options/>} element; {@link #NONE} without one. */
    static PublishOptions parse(Optional<XmlElement> publishOptions, PepLimits limits) {
        if (publishOptions.isEmpty()) {
            return NONE;
        }
        Optional<DataForm> found = DataForm.in(publishOptions.get());
        if (found.isEmpty()) {
            return NONE;
        }
        DataForm form = found.get();
        if (!form.formType().map(PepNamespaces.PUBLISH_OPTIONS::equals).orElse(false)) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                    "publish-options need FORM_TYPE " + PepNamespaces.PUBLISH_OPTIONS);
        }
        for (DataForm.Field field : form.fields()) {
            if (!KNOWN.contains(field.var())) {
                throw PepErrors.preconditionNotMet("Perch does not support the publish option " + field.var());
            }
        }
        return new PublishOptions(form.value(MAX_ITEMS).map(v -> maxItems(v, limits)),
                form.value(ACCESS_MODEL).map(PublishOptions::access),
                form.value(PERSIST_ITEMS).map(v -> bool(PERSIST_ITEMS, v)),
                form.value(SEND_LAST).map(PublishOptions::sendLast));
    }

    /** The configuration of a node created by this publication: Perch's defaults where the options say nothing. */
    PepNodeConfig newNode(PepLimits limits) {
        return new PepNodeConfig(maxItems.orElse(limits.maxItems()), access.orElse(PepAccess.WHITELIST),
                persistItems.orElse(true), sendLast.orElse(PepSendLast.NEVER));
    }

    /** Throws {@code precondition-not-met} unless the node already has every option given. */
    void check(PepNodeConfig config) {
        mismatch(MAX_ITEMS, maxItems, config.maxItems());
        mismatch(ACCESS_MODEL, access, config.access());
        mismatch(PERSIST_ITEMS, persistItems, config.persistItems());
        mismatch(SEND_LAST, sendLast, config.sendLast());
    }

    private static <T> void mismatch(String field, Optional<T> wanted, T actual) {
        if (wanted.isPresent() && !wanted.get().equals(actual)) {
            throw PepErrors.preconditionNotMet("the node's " + field + " is " + xml(actual) + ", not "
                    + xml(wanted.get()));
        }
    }

    private static String xml(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString();
    }

    private static int maxItems(String value, PepLimits limits) {
        if (value.strip().equals("max")) {
            return limits.maxItems();
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, MAX_ITEMS + " must be a number or max");
        }
        if (n < 1) {
            throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, MAX_ITEMS + " must be at least 1");
        }
        if (n > limits.maxItems()) {
            throw PepErrors.preconditionNotMet("a node keeps at most " + limits.maxItems() + " items");
        }
        return n;
    }

    private static PepAccess access(String value) {
        return switch (value.strip()) {
            case "open" -> PepAccess.OPEN;
            case "presence" -> PepAccess.PRESENCE;
            case "whitelist" -> PepAccess.WHITELIST;
            case "roster", "authorize" -> throw PepErrors.preconditionNotMet("Perch does not offer the access model "
                    + value.strip() + "; use whitelist, presence or open");
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                    "unknown " + ACCESS_MODEL + " " + value.strip());
        };
    }

    private static PepSendLast sendLast(String value) {
        return switch (value.strip()) {
            case "never" -> PepSendLast.NEVER;
            case "on_sub" -> PepSendLast.ON_SUB;
            case "on_sub_and_presence" -> throw PepErrors.preconditionNotMet(
                    "Perch does not send the last item on presence; use never or on_sub");
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST,
                    "unknown " + SEND_LAST + " " + value.strip());
        };
    }

    private static boolean bool(String field, String value) {
        return switch (value.strip()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new StanzaException(StanzaErrorCondition.BAD_REQUEST, field + " must be true or false");
        };
    }
}
