package org.perch.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.perch.store.compliance.ComplianceRoom;

/**
 * A {@code .ATTACH} manifest (CreateFileAttachmentsManifest): the file transfers of one output file, one
 * {@code <File>} each, for an archive that collects the files themselves. Lync did not document its manifest's
 * format; this one is Perch's (docs/compliance.md).
 */
final class AttachmentManifest {

    private AttachmentManifest() {
    }

    static void write(OutputStream out, String outputFile, List<ChainedEvent> transfers, AdapterSettings settings)
            throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeStartElement("FileAttachments");
            xml.writeAttribute("output", outputFile);
            for (ChainedEvent e : transfers) {
                xml.writeStartElement("File");
                xml.writeAttribute("type", XmlNames.messageType(e.event().type()));
                xml.writeAttribute("name", XmlText.readable(Utf8.wellFormed(e.event().content())));
                xml.writeAttribute("channel", XmlNames.channelUri(
                        e.event().room().map(ComplianceRoom::address).orElse(""), settings.chatDomain()));
                xml.writeAttribute("sender", XmlText.readable(e.event().actor().toString()));
                xml.writeAttribute("string", LyncTime.string(e.event().at()));
                xml.writeAttribute("event", e.event().id().toString());
                xml.writeAttribute("sequence", Long.toString(e.sequence()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            text.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the attachments manifest: " + e.getMessage(), e);
        }
    }
}
