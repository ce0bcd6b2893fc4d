package org.perch.xmpp.netty;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.perch.xmpp.session.Connection;
import org.perch.xmpp.session.StreamHandler;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;

/**
 * A minimal session: answers a stream header with a header and features (STARTTLS when offered), switches to
 * TLS on {@code <starttls/>}, echoes every other element, and records every call as a short string.
 */
final class RecordingHandler implements StreamHandler {
    final Connection connection;
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    RecordingHandler(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void onStreamOpen(StreamHeader header) {
        events.add("open to=" + header.to());
        connection.openStream(new StreamHeader("", "example.test", "s1", "1.0", "en"));
        XmlElement.Builder features = XmlElement.builder("features", Namespaces.STREAMS);
        if (connection.canStartTls()) {
            features.child(XmlElement.builder("starttls", Namespaces.TLS).child("required", Namespaces.TLS).build());
        }
        features.child("bind", Namespaces.BIND);
        connection.send(features.build());
    }

    @Override
    public void onElement(XmlElement element) {
        events.add("element " + element.name());
        if (element.is("starttls", Namespaces.TLS)) {
            connection.startTls();
        } else {
            connection.send(element);
        }
    }

    @Override
    public void onStreamClose() {
        events.add("close");
        connection.close(Optional.empty());
    }

    @Override
    public void onStreamError(StreamErrorException error) {
        events.add("error " + error.condition().elementName());
        connection.close(Optional.of(new Connection.StreamError(error.condition(), error.text())));
    }

    @Override
    public void onDisconnect() {
        events.add("disconnect");
    }

    /** The next recorded event, failing after five seconds. */
    String next() throws InterruptedException {
        String event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within 5 s");
        }
        return event;
    }
}
