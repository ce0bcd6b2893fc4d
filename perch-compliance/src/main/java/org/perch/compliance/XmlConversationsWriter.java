package org.perch.compliance;

import static org.perch.compliance.XmlNames.PERCH_NAMESPACE;
import static org.perch.compliance.XmlNames.PERCH_PREFIX;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.perch.core.Jid;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceRoom;

/**
 * Writes one file of Lync's {@code <Conversations>} format (spec §10.5) with Perch's additions: a Conversation per
 * room (and one for the events without a room), each Message carrying every field of its event and its chain link
 * in the {@code perch} namespace, so that the file alone is enough to check the chain.
 */
final class XmlConversationsWriter {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private final AdapterSettings settings;
    private final XMLStreamWriter xml;
    /** Sender ids: a user's place in order of first appearance in the file, from 1 (stable: the batch is fixed). */
    private final Map<Jid, Integer> senderIds = new HashMap<>();

    private XmlConversationsWriter(AdapterSettings settings, XMLStreamWriter xml) {
        this.settings = settings;
        this.xml = xml;
    }

    static void write(OutputStream out, ExportBatch batch, List<ChainedEvent> events, AdapterSettings settings)
            throws IOException {
        // Through a Writer: the JDK's StAX writer on a stream would escape each half of a surrogate pair (emoji)
        // as its own, invalid, character reference.
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            new XmlConversationsWriter(settings, xml).document(batch, events);
            xml.close();
            text.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the compliance XML: " + e.getMessage(), e);
        }
    }

    private void document(ExportBatch batch, List<ChainedEvent> events) throws XMLStreamException {
        xml.writeStartDocument("utf-8", "1.0");
        xml.writeStartElement("Conversations");
        xml.writeNamespace("xsi", XSI);
        xml.writeNamespace("xsd", XSD);
        xml.writeNamespace(PERCH_PREFIX, PERCH_NAMESPACE);
        perch("batch", Long.toString(batch.id()));
        perch("start", LyncTime.exact(batch.start()));
        perch("end", LyncTime.exact(batch.end()));
        for (List<ChainedEvent> conversation : BatchFiles.byChain(events).values()) {
            conversation(conversation);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void conversation(List<ChainedEvent> events) throws XMLStreamException {
        xml.writeStartElement("Conversation");
        channel(events.getFirst().event());
        ChainedEvent first = events.getFirst();
        xml.writeStartElement("FirstMessage");
        lyncAttributes(first);
        sender(first.event().actor());
        time("DateTimeUTC", first.event().at());
        xml.writeEndElement();
        xml.writeStartElement("Messages");
        for (ChainedEvent e : events) {
            message(e);
        }
        xml.writeEndElement();
        time("StartTimeUTC", first.event().at());
        time("EndTimeUTC", events.getLast().event().at());
        xml.writeEndElement();
    }

    private void channel(ComplianceEvent first) throws XMLStreamException {
        String uri = XmlNames.channelUri(first.room().map(ComplianceRoom::address).orElse(""), settings.chatDomain());
        xml.writeStartElement("Channel");
        xml.writeAttribute("uri", uri);
        if (settings.addChatRoomDetails() && first.room().isPresent()) {
            xml.writeAttribute("name", XmlText.readable(Utf8.wellFormed(first.room().get().name())));
            perch("roomId", first.room().get().id().toString());
        } else {
            xml.writeAttribute("name", uri);
        }
        xml.writeEndElement();
    }

    private void message(ChainedEvent chained) throws XMLStreamException {
        ComplianceEvent e = chained.event();
        xml.writeStartElement("Message");
        lyncAttributes(chained);
        perch("event", e.id().toString());
        perch("sequence", Long.toString(chained.sequence()));
        perch("prev", chained.previousHash());
        perch("hash", chained.hash());
        exact(true, "actor", e.actor().toString());
        perch("at", LyncTime.exact(e.at()));
        if (e.room().isPresent()) {
            ComplianceRoom room = e.room().get();
            perch("roomId", room.id().toString());
            exact(true, "roomAddress", room.address());
            exact(true, "roomName", room.name());
        }
        if (e.messageId().isPresent()) {
            exact(true, "messageId", e.messageId().get());
        }
        sender(e.actor());
        time("DateTimeUTC", e.at());
        xml.writeEndElement();
    }

    /** Lync's own: type, content (exact beside it when XML cannot hold it), id = the event's sequence. */
    private void lyncAttributes(ChainedEvent chained) throws XMLStreamException {
        xml.writeAttribute("type", XmlNames.messageType(chained.event().type()));
        exact(false, "content", chained.event().content());
        xml.writeAttribute("id", Long.toString(chained.sequence()));
    }

    private void sender(Jid user) throws XMLStreamException {
        xml.writeStartElement("Sender");
        String address = XmlText.readable(Utf8.wellFormed(user.toString()));
        if (settings.addUserDetails()) {
            // Perch has no display names: the JID's local part (the domain for the server itself) stands in.
            xml.writeAttribute("UserName", XmlText.readable(user.hasLocal() ? user.local() : user.domain()));
        }
        xml.writeAttribute("id", Integer.toString(senderIds.computeIfAbsent(user, u -> senderIds.size() + 1)));
        if (settings.addUserDetails()) {
            xml.writeAttribute("email", address);
        }
        xml.writeAttribute("internal", Boolean.toString(user.domain().equals(settings.serverDomain())));
        xml.writeAttribute("uri", address);
        xml.writeEndElement();
    }

    private void time(String element, Instant at) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("since1970", Long.toString(LyncTime.since1970(at)));
        xml.writeAttribute("string", LyncTime.string(at));
        xml.writeAttribute("long", Long.toString(LyncTime.ticks(at)));
        xml.writeEndElement();
    }

    /** A text attribute, readable; when XML cannot hold the text as it is, also {@code perch:<name>-b64}. */
    private void exact(boolean inPerchNamespace, String name, String value) throws XMLStreamException {
        String text = Utf8.wellFormed(value);
        boolean safe = XmlText.attributeSafe(text);
        String shown = safe ? text : XmlText.readable(text);
        if (inPerchNamespace) {
            perch(name, shown);
        } else {
            xml.writeAttribute(name, shown);
        }
        if (!safe) {
            perch(name + XmlNames.EXACT_SUFFIX,
                    Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void perch(String name, String value) throws XMLStreamException {
        xml.writeAttribute(PERCH_PREFIX, PERCH_NAMESPACE, name, value);
    }
}
