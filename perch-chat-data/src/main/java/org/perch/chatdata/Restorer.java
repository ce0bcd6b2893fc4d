package org.perch.chatdata;

import java.util.ArrayList;
import java.util.List;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PostedMessage;

/**
 * Where an import puts what it read: the store, and history in batches of {@link #BATCH} messages, each appended
 * in one transaction and then retracted where the file says so, so that a large history never sits in memory.
 */
final class Restorer {

    static final int BATCH = 500;

    private final Store store;
    private final List<ChatMessage> pending = new ArrayList<>();

    Restorer(Store store) {
        this.store = store;
    }

    Store store() {
        return store;
    }

    void message(ChatMessage message) {
        pending.add(message);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Stores the messages still pending; ids follow the file's order, as they did in the exporting store. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        store.history().append(pending.stream().map(m -> new PostedMessage(m.room(), m.stanzaId(), m.timestamp(),
                m.sender(), m.nick(), m.body(), m.payload())).toList());
        for (ChatMessage m : pending) {
            m.retraction().ifPresent(r -> store.history().retract(m.room(), m.stanzaId(), r));
        }
        pending.clear();
    }
}
