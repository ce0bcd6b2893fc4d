package org.perch.xmpp.stream;

import java.util.ArrayList;
import java.util.List;
import org.perch.xmpp.xml.XmlElement;

/** Records stream events in order, so tests compare whole conversations. */
class RecordingListener implements StreamListener {

    sealed interface Event permits Opened, Element, Closed {
    }

    record Opened(StreamHeader header) implements Event {
    }

    record Element(XmlElement element) implements Event {
    }

    record Closed() implements Event {
    }

    final List<Event> events = new ArrayList<>();

    @Override
    public void onStreamOpen(StreamHeader header) {
        events.add(new Opened(header));
    }

    @Override
    public void onElement(XmlElement element) {
        events.add(new Element(element));
    }

    @Override
    public void onStreamClose() {
        events.add(new Closed());
    }

    List<XmlElement> elements() {
        return events.stream().filter(Element.class::isInstance).map(e -> ((Element) e).element()).toList();
    }
}
