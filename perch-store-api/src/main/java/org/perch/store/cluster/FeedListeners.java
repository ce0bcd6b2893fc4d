package org.perch.store.cluster;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of a {@link FeedSignal}, which every store's signal keeps; {@link #wakeAll} calls them. */
public final class FeedListeners implements FeedSignal {

    private static final Logger LOG = LoggerFactory.getLogger(FeedListeners.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Listening listen(Runnable onAppend) {
        Listener listener = new Listener(Objects.requireNonNull(onAppend, "onAppend"));
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Calls every listener, in the order they came. One that throws is logged and the others still called: the
     * append that woke them has committed, and its writer must not hear of a failure.
     */
    public void wakeAll() {
        for (Listener listener : listeners) {
            try {
                listener.onAppend.run();
            } catch (RuntimeException e) {
                LOG.warn("A pool feed listener failed", e);
            }
        }
    }

    /** One registration; equal only to itself, so a listener registered twice is removed once per close. */
    private static final class Listener {
        private final Runnable onAppend;

        private Listener(Runnable onAppend) {
            this.onAppend = onAppend;
        }
    }
}
