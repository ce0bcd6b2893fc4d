package org.perch.xmpp.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.store.pep.PepAccess;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepSendLast;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.xml.XmlElement;

class PublishOptionsTest {
    private static final PepLimits LIMITS = new PepLimits(50, 1024, 4);

    private static Optional<XmlElement> form(String... varsAndValues) {
        List<DataForm.Field> fields = new ArrayList<>();
        fields.add(DataForm.Field.hidden("FORM_TYPE", PepNamespaces.PUBLISH_OPTIONS));
        for (int i = 0; i < varsAndValues.length; i += 2) {
            fields.add(new DataForm.Field(varsAndValues[i], "", "", false, List.of(varsAndValues[i + 1])));
        }
        return Optional.of(XmlElement.builder("publish-options", PepNamespaces.PUBSUB)
                .child(new DataForm("submit", "", "", fields).toXml()).build());
    }

    private static PublishOptions parse(String... varsAndValues) {
        return PublishOptions.parse(form(varsAndValues), LIMITS);
    }

    private static void refusedWith(Runnable call, StanzaErrorCondition condition, String pubsubCondition) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StanzaException.class, e -> {
            assertThat(e.condition()).isEqualTo(condition);
            assertThat(e.applicationCondition().map(XmlElement::name)).isEqualTo(Optional.ofNullable(pubsubCondition));
        });
    }

    @Test
    void theBookmarksOptionsShouldMakeAPrivateNodeKeepingAsManyItemsAsAllowed() {
        PublishOptions options = parse("pubsub#persist_items", "true", "pubsub#max_items", "max",
                "pubsub#send_last_published_item", "never", "pubsub#access_model", "whitelist");

        assertThat(options.newNode(LIMITS)).isEqualTo(new PepNodeConfig(50, PepAccess.WHITELIST, true,
                PepSendLast.NEVER));
    }

    @Test
    void withoutOptionsANewNodeShouldBePrivateAndPersistent() {
        assertThat(PublishOptions.parse(Optional.empty(), LIMITS).newNode(LIMITS))
                .isEqualTo(new PepNodeConfig(50, PepAccess.WHITELIST, true, PepSendLast.NEVER));
    }

    @Test
    void optionsMatchingTheNodeShouldPassAndOthersFailWithPreconditionNotMet() {
        PepNodeConfig node = new PepNodeConfig(50, PepAccess.WHITELIST, true, PepSendLast.NEVER);

        parse("pubsub#max_items", "max", "pubsub#access_model", "whitelist").check(node);
        refusedWith(() -> parse("pubsub#access_model", "open").check(node), StanzaErrorCondition.CONFLICT,
                "precondition-not-met");
        refusedWith(() -> parse("pubsub#max_items", "10").check(node), StanzaErrorCondition.CONFLICT,
                "precondition-not-met");
    }

    @Test
    void valuesPerchDoesNotOfferShouldBeRefusedWithPreconditionNotMet() {
        refusedWith(() -> parse("pubsub#access_model", "roster"), StanzaErrorCondition.CONFLICT,
                "precondition-not-met");
        refusedWith(() -> parse("pubsub#send_last_published_item", "on_sub_and_presence"),
                StanzaErrorCondition.CONFLICT, "precondition-not-met");
        refusedWith(() -> parse("pubsub#max_items", "51"), StanzaErrorCondition.CONFLICT, "precondition-not-met");
        refusedWith(() -> parse("pubsub#notify_retract", "true"), StanzaErrorCondition.CONFLICT,
                "precondition-not-met");
    }

    @Test
    void malformedValuesShouldBeBadRequests() {
        refusedWith(() -> parse("pubsub#max_items", "many"), StanzaErrorCondition.BAD_REQUEST, null);
        refusedWith(() -> parse("pubsub#max_items", "0"), StanzaErrorCondition.BAD_REQUEST, null);
        refusedWith(() -> parse("pubsub#persist_items", "maybe"), StanzaErrorCondition.BAD_REQUEST, null);
        refusedWith(() -> parse("pubsub#access_model", "everyone"), StanzaErrorCondition.BAD_REQUEST, null);
    }

    @Test
    void aFormOfAnotherTypeShouldBeABadRequest() {
        Optional<XmlElement> wrong = Optional.of(XmlElement.builder("publish-options", PepNamespaces.PUBSUB)
                .child(new DataForm("submit", "", "", List.of(DataForm.Field.hidden("FORM_TYPE", "urn:example")))
                        .toXml()).build());

        refusedWith(() -> PublishOptions.parse(wrong, LIMITS), StanzaErrorCondition.BAD_REQUEST, null);
    }
}
