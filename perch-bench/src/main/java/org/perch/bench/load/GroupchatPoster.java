package org.perch.bench.load;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.perch.bench.MessageFactory;

/**
 * Posts groupchat messages at a fixed total rate on one schedule for all sessions (open loop, one thread, not one
 * per session): message k is due at start + k / rate, whatever the server does, and its body begins
 * {@code t=<due time>}, so a server that falls behind shows in the latencies instead of lowering the offered rate.
 * Rooms take turns, and within a room its occupants take turns, so every occupant posts at rate / occupants.
 */
final class GroupchatPoster {

    private final List<List<XmppSession>> rooms;
    private final List<String> roomAddresses;
    private final String[] words = new String[256];
    private volatile boolean running;
    private Thread thread;

    GroupchatPoster(List<List<XmppSession>> rooms, List<String> roomAddresses) {
        this.rooms = rooms;
        this.roomAddresses = roomAddresses;
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < words.length; i++) {
            words[i] = MessageFactory.body(random);
        }
    }

    /** Starts posting {@code rate} messages per second over all rooms. */
    void start(double rate) {
        running = true;
        thread = Thread.ofPlatform().name("load-poster").start(() -> post(rate));
    }

    /** Stops posting; returns once the poster has, even if it was waiting long for its next message (a slow rate). */
    void stop() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }

    private void post(double rate) {
        long start = System.nanoTime();
        for (long k = 0; running; k++) {
            long due = start + (long) (k * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0 && running; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int room = (int) (k % rooms.size());
            List<XmppSession> occupants = rooms.get(room);
            XmppSession poster = occupants.get((int) (k / rooms.size() % occupants.size()));
            poster.groupchat(roomAddresses.get(room), "t=" + due + " " + words[(int) (k % words.length)]);
        }
    }
}
