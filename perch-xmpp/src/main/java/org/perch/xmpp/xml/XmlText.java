package org.perch.xmpp.xml;

import java.util.Objects;

/** Character data inside an element, unescaped. */
public record XmlText(String text) implements XmlNode {
    public XmlText {
        Objects.requireNonNull(text, "text");
    }
}
