package org.perch.it;

import java.io.IOException;
import java.util.List;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.parsing.StandardExtensionElementProvider;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Perch's topic-feed extension ({@code urn:perch:feeds:0}) from Smack, as a client would speak it: a request is
 * its payload's XML; an answer's payload is read as a {@link StandardExtensionElement}.
 */
final class TopicFeedClient {
    static final String NS = "urn:perch:feeds:0";

    /** An IQ whose payload is given as XML text. */
    static final class Request extends IQ {
        private final String attributes;
        private final String inner;

        Request(String element, Type type, String attributes, String inner) {
            super(element, NS);
            this.attributes = attributes;
            this.inner = inner;
            setType(type);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            if (!attributes.isEmpty()) {
                xml.append(' ').append(attributes);
            }
            xml.rightAngleBracket();
            xml.append(inner);
            return xml;
        }
    }

    /** An answer with its payload. */
    static final class Answer extends IQ {
        final StandardExtensionElement payload;

        Answer(IqData data, StandardExtensionElement payload) {
            super(data, payload.getElementName(), NS);
            this.payload = payload;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }

    private static final class AnswerProvider extends IqProvider<Answer> {
        @Override
        public Answer parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException, SmackParsingException {
            return new Answer(iqData, StandardExtensionElementProvider.INSTANCE.parse(parser, initialDepth,
                    xmlEnvironment));
        }
    }

    static {
        for (String element : new String[] {"filters", "filter", "feed"}) {
            ProviderManager.addIQProvider(element, NS, new AnswerProvider());
        }
    }

    private TopicFeedClient() {
    }

    /** Sends the request to the MUC service and returns the answer's payload, if it has one. */
    static StandardExtensionElement ask(XMPPConnection connection, IQ.Type type, String element, String attributes,
                                        String inner) throws Exception {
        Request request = new Request(element, type, attributes, inner);
        request.setTo(JidCreate.domainBareFrom("chat.localhost"));
        IQ answer = connection.sendIqRequestAndWaitForResponse(request);
        return answer instanceof Answer a ? a.payload : null;
    }

    /** The payload's children of one name; Smack gives none at all for an empty payload. */
    static List<StandardExtensionElement> children(StandardExtensionElement payload, String name) {
        List<StandardExtensionElement> found = payload.getElements(name, NS);
        return found == null ? List.of() : found;
    }

    static StandardExtensionElement save(XMPPConnection connection, String attributes, String terms)
            throws Exception {
        return ask(connection, IQ.Type.set, "filter", attributes, terms);
    }

    static StandardExtensionElement feed(XMPPConnection connection, String attributes) throws Exception {
        return ask(connection, IQ.Type.get, "feed", attributes, "");
    }
}
