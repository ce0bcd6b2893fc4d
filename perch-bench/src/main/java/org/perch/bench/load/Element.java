package org.perch.bench.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element the server sent, as a small tree: the local name (a prefix such as {@code stream:} is dropped), the
 * attributes as written ({@code xmlns} among them), the child elements and the text directly inside, entities
 * decoded. Enough for what the generator has to recognise; namespaces are checked through {@code xmlns} where two
 * elements could share a name.
 */
record Element(String name, Map<String, String> attributes, List<Element> children, String text) {

    Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    String attributeOr(String key, String absent) {
        return attributes.getOrDefault(key, absent);
    }

    Optional<Element> child(String childName) {
        for (Element child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The child of that name in that namespace ({@code xmlns} on the child itself). */
    Optional<Element> child(String childName, String namespace) {
        for (Element child : children) {
            if (child.name.equals(childName) && namespace.equals(child.attributes.get("xmlns"))) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    String type() {
        return attributeOr("type", "");
    }

    String id() {
        return attributeOr("id", "");
    }

    /** The sender's bare address: {@code from} up to its resource. */
    String fromBare() {
        String from = attributeOr("from", "");
        int slash = from.indexOf('/');
        return slash < 0 ? from : from.substring(0, slash);
    }
}
