package org.perch.domain.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to every subscriber, in subscription order. It lets {@link ChatRooms} be built before the
 * parts that listen to it (the MUC service, later compliance and the pool), which need {@code ChatRooms} first.
 */
public final class RoomEventBus implements RoomEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEventBus.class);

    private final List<RoomEvents> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(RoomEvents subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void on(RoomEvent event) {
        for (RoomEvents s : subscribers) {
            try {
                s.on(event);
            } catch (RuntimeException e) {
                // One failing subscriber must not keep the event from the others; the change is already stored.
                LOG.warn("room event subscriber failed on {}", event, e);
            }
        }
    }
}
