package org.perch.xmpp.netty;

import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;

/** What a stream decoder passes up the pipeline to the {@link SessionBridge}: one parser event. */
sealed interface StreamEvent {

    record Opened(StreamHeader header) implements StreamEvent {
    }

    record Element(XmlElement element) implements StreamEvent {
    }

    record Closed() implements StreamEvent {
    }

    /** The peer broke a stream rule; nothing after this is parsed from the channel. */
    record Failed(StreamErrorException error) implements StreamEvent {
    }
}
