package org.perch.xmpp.stream;

import org.perch.xmpp.xml.XmlElement;

/** Receives what a stream parser found, in order, on the thread that fed the parser. */
public interface StreamListener {

    void onStreamOpen(StreamHeader header);

    /** A complete top-level element (a stanza or a stream-level element such as {@code <auth/>}). */
    void onElement(XmlElement element);

    void onStreamClose();
}
