package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamListener;
import org.perch.xmpp.xml.XmlElement;

/**
 * Collects what a parser reports during one feed, then passes it up the pipeline once the parser has returned.
 * Dispatching after the feed keeps session code (which may reset the parser or start TLS from inside an event)
 * out of the parser's call stack, and lets a reset discard events the old parser produced after the switch.
 */
final class EventQueue implements StreamListener {
    private final ArrayDeque<StreamEvent> events = new ArrayDeque<>();

    @Override
    public void onStreamOpen(StreamHeader header) {
        events.add(new StreamEvent.Opened(header));
    }

    @Override
    public void onElement(XmlElement element) {
        events.add(new StreamEvent.Element(element));
    }

    @Override
    public void onStreamClose() {
        events.add(new StreamEvent.Closed());
    }

    void add(StreamEvent event) {
        events.add(event);
    }

    /** Fires queued events in order; an event handler may {@link #clear()} the rest. */
    void drain(ChannelHandlerContext ctx) {
        StreamEvent next;
        while ((next = events.poll()) != null) {
            ctx.fireChannelRead(next);
        }
    }

    void clear() {
        events.clear();
    }
}
