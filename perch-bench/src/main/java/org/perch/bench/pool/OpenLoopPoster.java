package org.perch.bench.pool;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.perch.bench.MessageFactory;

/**
 * Posts room messages at a fixed rate on a schedule of its own (open loop): message i of a run is due at
 * start + i / rate, whatever the servers do. When they fall behind, the poster does not wait for them: its messages
 * queue, and each one's latency counts from when it was due, so a stall shows in the latencies instead of quietly
 * lowering the offered rate.
 */
final class OpenLoopPoster {

    private final Occupants occupants;
    private final DeliveryProbe probe;
    private final String[] words = new String[1_024];
    /** Sequence numbers go on across runs, so that a late message of one step is never counted in the next. */
    private final AtomicLong next = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    OpenLoopPoster(Occupants occupants, DeliveryProbe probe) {
        this.occupants = occupants;
        this.probe = probe;
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < words.length; i++) {
            words[i] = MessageFactory.body(random);
        }
    }

    /** Starts posting {@code rate} messages per second, over all rooms. */
    void start(int rate) {
        running = true;
        thread = Thread.ofPlatform().name("poster").start(() -> post(rate));
    }

    /** The sequence number the next message will have. */
    long nextSeq() {
        return next.get();
    }

    /** Stops posting; returns once the poster has. */
    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void post(int rate) {
        long start = System.nanoTime();
        for (long i = 0; running; i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0 && running; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!running) {
                return;
            }
            long seq = next.getAndIncrement();
            try {
                occupants.poster(seq).sendMessage(seq + " " + due + " " + words[(int) (seq % words.length)]);
            } catch (NotConnectedException e) {
                probe.error();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
