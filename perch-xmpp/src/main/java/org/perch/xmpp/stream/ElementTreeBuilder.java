package org.perch.xmpp.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;
import org.perch.xmpp.xml.XmlText;

/**
 * Builds one top-level element at a time from reader events, enforcing the depth and attribute limits. Holds
 * only the elements still open: a finished top-level element is handed back and forgotten.
 *
 * <p>It also counts distinct names, because Aalto interns every element and attribute name in a per-reader table
 * whose insertions get slower as it grows (a 256 KiB stanza of 40,000 distinct names costs Aalto 1.3.3 about half
 * a second of CPU). A top-level element may use {@link #MAX_NAMES_PER_ELEMENT} distinct names, far more than any
 * real stanza; a long stream is moved to a fresh reader once {@link #NAMES_PER_READER} names have been added.
 */
final class ElementTreeBuilder {
    static final int MAX_NAMES_PER_ELEMENT = 1024;
    static final int NAMES_PER_READER = 4096;

    private final StreamLimits limits;
    private final String namespaceIfNone;
    private final ArrayDeque<OpenElement> open = new ArrayDeque<>();
    private final Set<String> elementNames = new HashSet<>();
    private int namesSinceFreshReader;

    /**
     * @param namespaceIfNone the namespace given to elements that have none: {@code jabber:client} on WebSocket,
     *     where a stanza may come without xmlns; empty on TCP, where the stream header declares it
     */
    ElementTreeBuilder(StreamLimits limits, String namespaceIfNone) {
        this.limits = limits;
        this.namespaceIfNone = namespaceIfNone;
    }

    /** How many elements are open; the top-level element is depth 1. */
    int depth() {
        return open.size();
    }

    void start(XMLStreamReader reader) {
        if (open.size() >= limits.maxDepth()) {
            throw policyViolation("elements nested deeper than " + limits.maxDepth());
        }
        Map<String, String> attributes = attributes(reader, limits);
        if (open.isEmpty()) {
            elementNames.clear();
        }
        countName(reader.getPrefix(), reader.getLocalName());
        attributes.keySet().forEach(name -> countName(null, name));
        String namespace = reader.getNamespaceURI();
        if (namespace == null || namespace.isEmpty()) {
            namespace = namespaceIfNone;
        }
        OpenElement parent = open.peek();
        if (parent != null) {
            parent.flushText();
        }
        open.push(new OpenElement(reader.getLocalName(), namespace, attributes));
    }

    /** Character data of the innermost open element; adjacent pieces become one {@link XmlText}. */
    void text(char[] chars, int start, int length) {
        open.element().text.append(chars, start, length);
    }

    /** Closes the innermost element; returns it when it was the top-level one. */
    Optional<XmlElement> end() {
        XmlElement done = open.pop().build();
        OpenElement parent = open.peek();
        if (parent == null) {
            return Optional.of(done);
        }
        parent.children.add(done);
        return Optional.empty();
    }

    void clear() {
        open.clear();
        elementNames.clear();
        namesSinceFreshReader = 0;
    }

    /** True when the reader has interned enough names to be replaced at the next top-level boundary. */
    boolean wantsFreshReader() {
        return namesSinceFreshReader >= NAMES_PER_READER;
    }

    void freshReaderStarted() {
        namesSinceFreshReader = 0;
    }

    private void countName(String prefix, String local) {
        String name = prefix == null || prefix.isEmpty() ? local : prefix + ':' + local;
        if (elementNames.add(name)) {
            namesSinceFreshReader++;
            if (elementNames.size() > MAX_NAMES_PER_ELEMENT) {
                throw policyViolation("more than " + MAX_NAMES_PER_ELEMENT
                        + " distinct element and attribute names in one top-level element");
            }
        }
    }

    /**
     * The attributes of the current start tag keyed by qualified name ({@code xml:lang}); namespace declarations
     * are not attributes. Declarations are limited like attributes: each costs a lookup on every name below.
     *
     * <p>An attribute with a prefix other than {@code xml} brings the declaration of its prefix along, as an
     * {@code xmlns:prefix} entry, because the tree keeps no other record of what the prefix meant: without it the
     * element, written out again (forwarded, stored, replayed), would use an undeclared prefix and not be XML.
     */
    static Map<String, String> attributes(XMLStreamReader reader, StreamLimits limits) {
        int count = reader.getAttributeCount();
        if (count > limits.maxAttributes() || reader.getNamespaceCount() > limits.maxAttributes()) {
            throw policyViolation("more than " + limits.maxAttributes() + " attributes on <"
                    + reader.getLocalName() + ">");
        }
        Map<String, String> attributes = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String prefix = reader.getAttributePrefix(i);
            String local = reader.getAttributeLocalName(i);
            String key = prefix == null || prefix.isEmpty() ? local : prefix + ':' + local;
            attributes.put(key, reader.getAttributeValue(i));
            if (prefix != null && !prefix.isEmpty() && !prefix.equals("xml")) {
                attributes.putIfAbsent("xmlns:" + prefix, reader.getAttributeNamespace(i));
            }
        }
        return attributes;
    }

    static boolean isWhitespace(char[] chars, int start, int length) {
        for (int i = start; i < start + length; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    static StreamErrorException policyViolation(String text) {
        return new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION, text);
    }

    private static final class OpenElement {
        final String name;
        final String namespace;
        final Map<String, String> attributes;
        final List<XmlNode> children = new ArrayList<>(4);
        final StringBuilder text = new StringBuilder();

        OpenElement(String name, String namespace, Map<String, String> attributes) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
        }

        void flushText() {
            if (!text.isEmpty()) {
                children.add(new XmlText(text.toString()));
                text.setLength(0);
            }
        }

        XmlElement build() {
            flushText();
            return new XmlElement(name, namespace, attributes, children);
        }
    }
}
