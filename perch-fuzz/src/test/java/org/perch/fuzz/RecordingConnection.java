package org.perch.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.perch.xmpp.session.Connection;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.xml.XmlElement;

/**
 * A client connection without a socket: already encrypted (as after STARTTLS, so PLAIN is offered), no channel
 * binding. It keeps everything the server writes, in order, and lets the test wait for an element.
 */
final class RecordingConnection implements Connection {
    private final String label;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<XmlElement> received = new ArrayList<>();
    private Optional<StreamError> closedWith;
    private boolean closed;

    RecordingConnection(String label) {
        this.label = label;
    }

    @Override
    public void openStream(StreamHeader header) {
    }

    @Override
    public void send(XmlElement element) {
        lock.lock();
        try {
            received.add(element);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(Optional<StreamError> error) {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                closedWith = error;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void negotiated() {
        // No transport deadline to lift: the harness has no socket.
    }

    @Override
    public void charge(int stanzas) {
        // No stanza rate to charge: the harness feeds stanzas as fast as it likes.
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public boolean canStartTls() {
        return false;
    }

    @Override
    public void startTls() {
        throw new UnsupportedOperationException("already secure");
    }

    @Override
    public void restartStream() {
    }

    @Override
    public List<String> channelBindingTypes() {
        return List.of();
    }

    @Override
    public Optional<byte[]> channelBinding(String type) {
        return Optional.empty();
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Waits for the first element from index {@code from} on that matches; returns its index. Fails if the
     * connection closes first or nothing comes in time.
     */
    int await(int from, Predicate<XmlElement> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int i = from;
            while (true) {
                for (; i < received.size(); i++) {
                    if (match.test(received.get(i))) {
                        return i;
                    }
                }
                if (closed) {
                    throw new AssertionError(label + " was closed (" + closedWith.map(StreamError::condition)
                            .map(Object::toString).orElse("no error") + ") while waiting for " + what);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(label + ": no " + what + " within " + timeout);
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    List<XmlElement> received() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return received.size();
        } finally {
            lock.unlock();
        }
    }

    /** Empty while open; the stream error it was closed with (or none) once closed. */
    Optional<Optional<StreamError>> closing() {
        lock.lock();
        try {
            return closed ? Optional.of(closedWith) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }
}
