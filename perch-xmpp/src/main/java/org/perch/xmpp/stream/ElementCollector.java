package org.perch.xmpp.stream;

import java.util.ArrayList;
import java.util.List;
import org.perch.xmpp.xml.XmlElement;

/** A listener that keeps the top-level elements a parser reads and ignores the stream's opening and close. */
public final class ElementCollector implements StreamListener {
    private final List<XmlElement> elements = new ArrayList<>(1);

    @Override
    public void onStreamOpen(StreamHeader header) {
    }

    @Override
    public void onElement(XmlElement element) {
        elements.add(element);
    }

    @Override
    public void onStreamClose() {
    }

    /** The elements read so far, in order. */
    public List<XmlElement> elements() {
        return elements;
    }
}
