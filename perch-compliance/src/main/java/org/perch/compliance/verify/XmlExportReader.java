package org.perch.compliance.verify;

import static org.perch.compliance.XmlNames.EXACT_SUFFIX;
import static org.perch.compliance.XmlNames.PERCH_NAMESPACE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.perch.compliance.ChainedEvent;
import org.perch.compliance.XmlNames;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceRoom;

/**
 * Reads the links back from a file of the {@code xml} adapter: every {@code Messages/Message} (a
 * {@code FirstMessage} repeats its Conversation's first Message and is skipped), each event rebuilt from Perch's
 * attributes, an exact {@code -b64} attribute taking precedence over its readable twin.
 */
final class XmlExportReader {

    private XmlExportReader() {
    }

    static List<ExportedLink> read(Path file) throws IOException, UnreadableExportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<ExportedLink> links = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            if (xml.nextTag() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("Conversations")) {
                throw new UnreadableExportException("the root element is not <Conversations>");
            }
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Message")) {
                    links.add(new ExportedLink(file, links.size(), link(xml)));
                }
            }
        } catch (XMLStreamException e) {
            throw new UnreadableExportException("not well-formed XML: " + e.getMessage(), e);
        }
        return links;
    }

    private static ChainedEvent link(XMLStreamReader xml) throws UnreadableExportException {
        String where = "the Message at line " + xml.getLocation().getLineNumber();
        try {
            Optional<ComplianceRoom> room = optional(xml, "roomId").isEmpty() ? Optional.empty()
                    : Optional.of(new ComplianceRoom(RoomId.of(perch(xml, "roomId")),
                            exact(xml, PERCH_NAMESPACE, "roomAddress"), exact(xml, PERCH_NAMESPACE, "roomName")));
            Optional<String> messageId = optional(xml, "messageId").isEmpty() ? Optional.empty()
                    : Optional.of(exact(xml, PERCH_NAMESPACE, "messageId"));
            ComplianceEvent event = new ComplianceEvent(UUID.fromString(perch(xml, "event")),
                    XmlNames.eventType(required(xml, null, "type")), Instant.parse(perch(xml, "at")),
                    Jid.of(exact(xml, PERCH_NAMESPACE, "actor")), room, messageId, exact(xml, null, "content"));
            return new ChainedEvent(Long.parseLong(perch(xml, "sequence")), event, perch(xml, "prev"),
                    perch(xml, "hash"));
        } catch (RuntimeException e) {
            throw new UnreadableExportException(where + ": " + e.getMessage(), e);
        }
    }

    /** The exact text: from {@code perch:<name>-b64} when present, else the attribute itself. */
    private static String exact(XMLStreamReader xml, String namespace, String name) {
        Optional<String> encoded = optional(xml, name + EXACT_SUFFIX);
        if (encoded.isPresent()) {
            return new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8);
        }
        return required(xml, namespace, name);
    }

    private static String perch(XMLStreamReader xml, String name) {
        return required(xml, PERCH_NAMESPACE, name);
    }

    private static Optional<String> optional(XMLStreamReader xml, String perchName) {
        return Optional.ofNullable(xml.getAttributeValue(PERCH_NAMESPACE, perchName));
    }

    private static String required(XMLStreamReader xml, String namespace, String name) {
        String value = xml.getAttributeValue(namespace == null ? "" : namespace, name);
        if (value == null) {
            throw new IllegalArgumentException("attribute " + (namespace == null ? "" : "perch:") + name
                    + " is missing");
        }
        return value;
    }
}
