package org.perch.xmpp.netty;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.perch.xmpp.session.Connection;
import org.perch.xmpp.session.StreamHandler;
import org.perch.xmpp.session.StreamHandlerFactory;

/** Hands out {@link RecordingHandler}s and keeps them in creation order for the test to inspect. */
final class RecordingFactory implements StreamHandlerFactory {
    private final BlockingQueue<RecordingHandler> created = new LinkedBlockingQueue<>();

    @Override
    public StreamHandler create(Connection connection) {
        RecordingHandler handler = new RecordingHandler(connection);
        created.add(handler);
        return handler;
    }

    RecordingHandler next() throws InterruptedException {
        RecordingHandler handler = created.poll(5, TimeUnit.SECONDS);
        if (handler == null) {
            throw new AssertionError("no session created within 5 s");
        }
        return handler;
    }

    int pending() {
        return created.size();
    }
}
