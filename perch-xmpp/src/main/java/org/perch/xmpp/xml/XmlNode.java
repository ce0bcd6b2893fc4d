package org.perch.xmpp.xml;

/** A node of a parsed stanza: an element or a run of character data. */
public sealed interface XmlNode permits XmlElement, XmlText {
}
