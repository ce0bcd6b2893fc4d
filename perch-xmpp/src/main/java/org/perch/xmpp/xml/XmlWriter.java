package org.perch.xmpp.xml;

import java.util.Map;

/**
 * Serialises elements to XML text. Namespaces are written as default-namespace declarations only where an
 * element's namespace differs from its parent's, which is what every XMPP stanza needs and what clients expect.
 */
public final class XmlWriter {

    private XmlWriter() {
    }

    /** Serialises the element as a standalone fragment (its namespace always declared). */
    public static String toXml(XmlElement element) {
        StringBuilder sb = new StringBuilder(128);
        write(element, "", sb);
        return sb.toString();
    }

    /**
     * Serialises the element inside a parent whose default namespace is {@code parentNamespace}: the stream's
     * {@code jabber:client} for top-level stanzas, so they are written without a redundant xmlns.
     */
    public static void write(XmlElement element, String parentNamespace, StringBuilder out) {
        out.append('<').append(element.name());
        if (!element.namespace().equals(parentNamespace)) {
            out.append(" xmlns=\"");
            escape(element.namespace(), out, true);
            out.append('"');
        }
        for (Map.Entry<String, String> a : element.attributes().entrySet()) {
            if (a.getKey().equals("xmlns")) {
                continue;
            }
            out.append(' ').append(a.getKey()).append("=\"");
            escape(a.getValue(), out, true);
            out.append('"');
        }
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (XmlNode child : element.children()) {
            switch (child) {
                case XmlElement e -> write(e, element.namespace(), out);
                case XmlText t -> escape(t.text(), out, false);
            }
        }
        out.append("</").append(element.name()).append('>');
    }

    /**
     * Escapes character data or an attribute value. A reader turns a raw CR into LF (XML 1.0 §2.11), and a raw tab,
     * CR or LF in an attribute value into a space (§3.3.3), so those go out as character references: what was read
     * as {@code &#13;} is written back as one.
     */
    public static void escape(String text, StringBuilder out, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\r' -> out.append("&#xD;");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                case '\t' -> out.append(attribute ? "&#x9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
