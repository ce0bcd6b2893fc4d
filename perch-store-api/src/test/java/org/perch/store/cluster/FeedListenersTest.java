package org.perch.store.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedListenersTest {

    private final FeedListeners listeners = new FeedListeners();
    private final List<String> calls = new ArrayList<>();

    @Test
    void everyListenerShouldBeCalledInTheOrderTheyCameEvenAfterOneFails() {
        listeners.listen(() -> calls.add("first"));
        listeners.listen(() -> {
            throw new IllegalStateException("a broken listener");
        });
        listeners.listen(() -> calls.add("third"));

        listeners.wakeAll();

        assertThat(calls).containsExactly("first", "third");
    }

    @Test
    void aClosedListeningShouldNoLongerBeCalledAndClosingTwiceChangeNothing() {
        Runnable listener = () -> calls.add("called");
        FeedSignal.Listening first = listeners.listen(listener);
        listeners.listen(listener);

        first.close();
        first.close();
        listeners.wakeAll();

        assertThat(calls).as("the second registration of the same listener stays").containsExactly("called");
    }
}
