package org.perch.xmpp.stream;

import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * Renders what a server writes on a client stream, in both framings: the TCP stream document (RFC 6120 §4) and
 * the WebSocket framing, one element per frame (RFC 7395 §3.3).
 */
public final class StreamWriter {

    private StreamWriter() {
    }

    /** The XML declaration and opening {@code <stream:stream>} tag, with the stream's default namespace. */
    public static String tcpHeader(StreamHeader h) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version='1.0'?><stream:stream xmlns='").append(Namespaces.CLIENT)
                .append("' xmlns:stream='").append(Namespaces.STREAMS).append('\'');
        headerAttributes(h, sb);
        return sb.append('>').toString();
    }

    public static String tcpClose() {
        return "</stream:stream>";
    }

    /** A top-level element inside a TCP stream: stanzas inherit jabber:client, stream elements take a prefix. */
    public static String tcpElement(XmlElement element) {
        StringBuilder sb = new StringBuilder(256);
        if (element.namespace().equals(Namespaces.STREAMS)) {
            writeStreamElement(element, sb, false);
        } else {
            XmlWriter.write(element, Namespaces.CLIENT, sb);
        }
        return sb.toString();
    }

    /** The {@code <open/>} element that starts a WebSocket stream. */
    public static String frameOpen(StreamHeader h) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<open xmlns='").append(Namespaces.FRAMING).append('\'');
        headerAttributes(h, sb);
        return sb.append("/>").toString();
    }

    public static String frameClose() {
        return "<close xmlns='" + Namespaces.FRAMING + "'/>";
    }

    /** A top-level element in its own WebSocket frame: every namespace is declared on it (RFC 7395 §3.3.3). */
    public static String frameElement(XmlElement element) {
        StringBuilder sb = new StringBuilder(256);
        if (element.namespace().equals(Namespaces.STREAMS)) {
            writeStreamElement(element, sb, true);
        } else {
            XmlWriter.write(element, "", sb);
        }
        return sb.toString();
    }

    /**
     * {@code <stream:error>} with the condition, as an empty element, and an optional text (RFC 6120 §4.9.2). For
     * {@code see-other-host}, whose element names the other host, use {@link #seeOtherHost}.
     */
    public static XmlElement streamError(StreamErrorCondition condition, String text) {
        if (condition == StreamErrorCondition.SEE_OTHER_HOST) {
            throw new IllegalArgumentException("see-other-host must name the other host: use seeOtherHost");
        }
        return streamError(XmlElement.empty(condition.elementName(), Namespaces.STREAM_ERRORS), text);
    }

    /**
     * {@code <stream:error>} with {@code <see-other-host>}, whose character data is the other host (RFC 6120
     * §4.9.3.19), and an optional text.
     */
    public static XmlElement seeOtherHost(OtherHost host, String text) {
        return streamError(XmlElement.builder(StreamErrorCondition.SEE_OTHER_HOST.elementName(),
                Namespaces.STREAM_ERRORS).text(host.characterData()).build(), text);
    }

    private static XmlElement streamError(XmlElement condition, String text) {
        XmlElement.Builder b = XmlElement.builder("error", Namespaces.STREAMS).child(condition);
        if (text != null && !text.isEmpty()) {
            b.child(XmlElement.builder("text", Namespaces.STREAM_ERRORS).attribute("xml:lang", "en").text(text)
                    .build());
        }
        return b.build();
    }

    private static void writeStreamElement(XmlElement element, StringBuilder sb, boolean declarePrefix) {
        sb.append("<stream:").append(element.name());
        if (declarePrefix) {
            sb.append(" xmlns:stream='").append(Namespaces.STREAMS).append('\'');
        }
        element.attributes().forEach((k, v) -> {
            sb.append(' ').append(k).append("=\"");
            XmlWriter.escape(v, sb, true);
            sb.append('"');
        });
        if (element.children().isEmpty()) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        for (XmlElement child : element.elements()) {
            XmlWriter.write(child, Namespaces.STREAMS, sb);
        }
        sb.append("</stream:").append(element.name()).append('>');
    }

    private static void headerAttributes(StreamHeader h, StringBuilder sb) {
        attribute(sb, "from", h.from());
        attribute(sb, "to", h.to());
        attribute(sb, "id", h.id());
        attribute(sb, "version", h.version());
        attribute(sb, "xml:lang", h.lang());
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        if (!value.isEmpty()) {
            sb.append(' ').append(name).append("='");
            XmlWriter.escape(value, sb, true);
            sb.append('\'');
        }
    }
}
