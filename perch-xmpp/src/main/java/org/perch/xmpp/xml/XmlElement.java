package org.perch.xmpp.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable XML element: the generic tree every stanza is parsed into, so payloads Perch does not understand
 * are kept and forwarded untouched. Attribute keys are qualified names as written ({@code xml:lang}); the
 * element's namespace is its resolved namespace URI, never a prefix. "Changing" an element makes a copy.
 */
public record XmlElement(String name, String namespace, Map<String, String> attributes, List<XmlNode> children)
        implements XmlNode {

    public XmlElement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** An element with no attributes and no children. */
    public static XmlElement empty(String name, String namespace) {
        return new XmlElement(name, namespace, Map.of(), List.of());
    }

    public boolean is(String elementName, String elementNamespace) {
        return name.equals(elementName) && namespace.equals(elementNamespace);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public String attributeOr(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }

    public List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>(children.size());
        for (XmlNode n : children) {
            if (n instanceof XmlElement e) {
                out.add(e);
            }
        }
        return out;
    }

    public Optional<XmlElement> child(String childName, String childNamespace) {
        return firstChild(e -> e.is(childName, childNamespace));
    }

    public Optional<XmlElement> firstChild(Predicate<XmlElement> test) {
        for (XmlNode n : children) {
            if (n instanceof XmlElement e && test.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public List<XmlElement> children(String childName, String childNamespace) {
        return elements().stream().filter(e -> e.is(childName, childNamespace)).toList();
    }

    /** The concatenated character data directly inside this element. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (XmlNode n : children) {
            if (n instanceof XmlText t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** Text of the named child, if the child exists. */
    public Optional<String> childText(String childName, String childNamespace) {
        return child(childName, childNamespace).map(XmlElement::text);
    }

    public XmlElement withAttribute(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new XmlElement(name, namespace, copy, children);
    }

    public XmlElement withoutAttribute(String key) {
        return withAttribute(key, null);
    }

    /** Serialised XML, for logs and tests; the wire form is written by {@link XmlWriter}. */
    @Override
    public String toString() {
        return XmlWriter.toXml(this);
    }

    /** Mutable builder; {@link #build()} makes the immutable element. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<XmlNode> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = name;
            this.namespace = namespace;
        }

        /** Sets the attribute; a null value leaves it out, so optional attributes chain without ifs. */
        public Builder attribute(String key, Object value) {
            if (value != null) {
                attributes.put(key, value.toString());
            }
            return this;
        }

        public Builder child(XmlNode child) {
            children.add(child);
            return this;
        }

        public Builder children(List<? extends XmlNode> more) {
            children.addAll(more);
            return this;
        }

        /** Adds an empty child element. */
        public Builder child(String childName, String childNamespace) {
            return child(XmlElement.empty(childName, childNamespace));
        }

        /** Adds a child element holding only text. */
        public Builder textChild(String childName, String childNamespace, String text) {
            return child(new XmlElement(childName, childNamespace, Map.of(), List.of(new XmlText(text))));
        }

        public Builder text(String text) {
            return child(new XmlText(text));
        }

        public XmlElement build() {
            return new XmlElement(name, namespace, attributes, children);
        }
    }
}
