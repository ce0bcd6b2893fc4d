package org.perch.domain.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.StoreUnavailableException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes messages durable before anyone sees them, many at a time: one thread ({@value #THREAD_NAME}) takes what
 * has queued up, stores up to {@code batchSize} messages in one {@link HistoryStore#append} (one transaction, one
 * disk sync) and only then completes their futures, in the order posted. A failed append fails every future of its
 * batch: nothing is reported stored that was not.
 *
 * <p>The queue is bounded: when it is full {@link #post} fails at once with {@link Reason#BUSY} rather than
 * blocking the caller (an event loop must never wait). Futures complete on the writer thread, so what callers chain
 * onto them should be quick or hand off to their own executor.
 */
public final class HistoryWriter implements AutoCloseable {

    public static final String THREAD_NAME = "perch-history-writer";
    public static final int DEFAULT_CAPACITY = 10_000;
    public static final int DEFAULT_BATCH_SIZE = 512;

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    private sealed interface Item {
    }

    private record Post(PostedMessage message, CompletableFuture<ChatMessage> stored) implements Item {
    }

    /** Queued by {@link #close()} behind every accepted post: the writer stops when it reaches it. */
    private enum Stop implements Item { INSTANCE }

    private final HistoryStore store;
    private final Consumer<List<ChatMessage>> afterStore;
    private final int batchSize;
    private final BlockingQueue<Item> queue;
    private final Thread writer;
    // Makes "not closed, so enqueue" atomic with close(): no post can slip in behind the stop marker.
    private final ReentrantLock intake = new ReentrantLock();
    private boolean closed;
    /** Posts queued so far (guarded by {@link #intake}); {@link #flush} waits until {@link #done} reaches it. */
    private long accepted;
    private final Object progress = new Object();
    /** Posts the writer has finished with, stored or failed (guarded by {@link #progress}). */
    private long done;

    /** A writer with room for {@value #DEFAULT_CAPACITY} waiting messages, {@value #DEFAULT_BATCH_SIZE} a batch. */
    public HistoryWriter(HistoryStore store) {
        this(store, DEFAULT_CAPACITY, DEFAULT_BATCH_SIZE, stored -> { });
    }

    /** Like {@link #HistoryWriter(HistoryStore)}, telling {@code afterStore} of each batch once it is durable. */
    public HistoryWriter(HistoryStore store, Consumer<List<ChatMessage>> afterStore) {
        this(store, DEFAULT_CAPACITY, DEFAULT_BATCH_SIZE, afterStore);
    }

    public HistoryWriter(HistoryStore store, int capacity, int batchSize) {
        this(store, capacity, batchSize, stored -> { });
    }

    /**
     * Starts the writer thread.
     *
     * @param capacity messages that may wait to be stored before {@link #post} refuses more; at least 1
     * @param batchSize most messages stored in one append; at least 1
     * @param afterStore told of each stored batch on the writer thread, after its futures complete: must be quick
     */
    public HistoryWriter(HistoryStore store, int capacity, int batchSize, Consumer<List<ChatMessage>> afterStore) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batchSize must be at least 1, got " + capacity + " and "
                    + batchSize);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.afterStore = Objects.requireNonNull(afterStore, "afterStore");
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, THREAD_NAME);
        writer.start();
    }

    /**
     * Queues the message; the future completes with the stored message (its id assigned) once it is durable, or
     * fails with the store's exception, or at once with a {@link ChatException} ({@link Reason#BUSY}) when the queue
     * is full or the writer is closed.
     */
    public CompletableFuture<ChatMessage> post(PostedMessage message) {
        Objects.requireNonNull(message, "message");
        intake.lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new ChatException(Reason.BUSY, "history writer is closed"));
            }
            Post post = new Post(message, new CompletableFuture<>());
            if (!queue.offer(post)) {
                return CompletableFuture.failedFuture(new ChatException(Reason.BUSY,
                        "too many messages waiting to be stored; try again"));
            }
            accepted++;
            return post.stored();
        } finally {
            intake.unlock();
        }
    }

    /** Refuses new posts, stores everything already queued, then stops the writer thread. Idempotent. */
    @Override
    public void close() {
        intake.lock();
        try {
            if (!closed) {
                closed = true;
                enqueueStop();
            }
        } finally {
            intake.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer still drains; the caller just stops waiting
        }
    }

    /**
     * Waits until every message queued before the call is stored (or its append failed), leaving the writer running:
     * for a server that ends its client sessions but keeps serving. Posts made meanwhile are not waited for.
     *
     * @return false if that took longer than {@code timeout}, or the caller was interrupted (its flag set again)
     */
    public boolean flush(Duration timeout) {
        long target;
        intake.lock();
        try {
            target = accepted;
        } finally {
            intake.unlock();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void enqueueStop() {
        // Blocking here is safe: the writer keeps draining, so space appears; posts are already refused.
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(Stop.INSTANCE);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Item> items = new ArrayList<>(batchSize);
        boolean stopping = false;
        while (!stopping) {
            items.clear();
            try {
                items.add(queue.take());
            } catch (InterruptedException e) {
                // Nobody else holds this thread; an interrupt is not a way to stop it (close() is).
                continue;
            }
            queue.drainTo(items, batchSize - 1);
            List<Post> batch = new ArrayList<>(items.size());
            for (Item item : items) {
                switch (item) {
                    case Post p -> batch.add(p);
                    case Stop s -> stopping = true;
                }
            }
            if (!batch.isEmpty()) {
                write(batch);
                synchronized (progress) {
                    done += batch.size();
                    progress.notifyAll();
                }
            }
        }
    }

    private void write(List<Post> batch) {
        List<ChatMessage> stored;
        try {
            stored = store.append(batch.stream().map(Post::message).toList());
            if (stored.size() != batch.size()) {
                throw new IllegalStateException("store returned " + stored.size() + " messages for "
                        + batch.size());
            }
        } catch (RuntimeException | Error e) {
            // Keep the thread alive: a dead writer would leave every later future waiting for ever.
            if (e instanceof StoreUnavailableException) {
                // A failover in progress: its cause is in the message, and a trace per batch would drown the log.
                LOG.warn("could not store a batch of {} messages: {}", batch.size(), e.getMessage());
            } else {
                LOG.warn("could not store a batch of {} messages", batch.size(), e);
            }
            batch.forEach(p -> p.stored().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(stored.get(i));
        }
        try {
            afterStore.accept(stored);
        } catch (RuntimeException e) {
            LOG.warn("a listener failed on {} stored messages", stored.size(), e);
        }
    }
}
