package org.perch.store.jdbc;

import org.perch.store.cluster.FeedListeners;

/** {@link FeedWakeUp#inProcess()}: the listeners this store keeps, called once an append has committed. */
final class InProcessWakeUp implements FeedWakeUp {

    private final FeedListeners listeners = new FeedListeners();

    @Override
    public Listening listen(Runnable onAppend) {
        return listeners.listen(onAppend);
    }

    @Override
    public void committed() {
        listeners.wakeAll();
    }
}
