package org.perch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.perch.domain.chat.HistoryWriter;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.h2.H2Store;

/**
 * How many messages per second the embedded store makes durable, measured outside JMH.
 *
 * <p>Through {@link HistoryWriter} (the server's path): {@code P} poster threads each post a message and wait for
 * its future before posting the next, like {@code P} busy rooms whose sender waits for the echo; the writer groups
 * whatever is queued into one append. Only completed futures count. Raw {@link HistoryStore#append}: one thread
 * appending batches of a fixed size back to back, the bounds the writer works between.
 *
 * <p>Every configuration starts from a fresh copy of the {@link Dataset} (so writes meet indexes of realistic size
 * and the dataset itself never grows), warms up, then measures: completed messages per second, and for each post
 * (or append) the time until it was durable.
 *
 * <pre>java -cp benchmarks.jar org.perch.bench.PersistRate [--messages 1000000] [--posters 1,8,64]
 *     [--batches 1,512] [--warmup 5] [--measure 20]</pre>
 * {@code --messages 0} writes into an empty store instead.
 */
public final class PersistRate {

    /** One measurement; {@code cpuNanos} is the CPU time the whole process used while it ran, every thread. */
    record Result(String name, long completed, long failed, double seconds, long[] latenciesNanos,
                          double messagesPerAppend, long cpuNanos) {
        double rate() {
            return completed / seconds;
        }

        /** Process CPU microseconds per message made durable: the cost a faster machine cannot hide. */
        double cpuMicrosPerMessage() {
            return completed == 0 ? 0 : cpuNanos / 1e3 / completed;
        }

        String percentile(double p) {
            if (latenciesNanos.length == 0) {
                return "-";
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return String.format(Locale.ROOT, "%.2f", latenciesNanos[Math.max(i, 0)] / 1e6);
        }
    }

    private final long messages;
    private final long warmupMillis;
    private final long measureMillis;
    private final String[] bodies;

    PersistRate(long messages, long warmupMillis, long measureMillis) {
        this.messages = messages;
        this.warmupMillis = warmupMillis;
        this.measureMillis = measureMillis;
        SplittableRandom random = new SplittableRandom(7);
        this.bodies = new String[4_096];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = MessageFactory.body(random);
        }
    }

    public static void main(String[] args) throws Exception {
        long messages = 1_000_000;
        List<Integer> posters = List.of(1, 8, 64);
        List<Integer> batches = List.of(1, 512);
        long warmup = 5;
        long measure = 20;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--messages" -> messages = Long.parseLong(value.replace("_", ""));
                case "--posters" -> posters = ints(value);
                case "--batches" -> batches = ints(value);
                case "--warmup" -> warmup = Long.parseLong(value);
                case "--measure" -> measure = Long.parseLong(value);
                default -> {
                    System.err.println("usage: PersistRate [--messages N] [--posters 1,8,64] [--batches 1,512]"
                            + " [--warmup SECONDS] [--measure SECONDS]");
                    System.exit(2);
                }
            }
            i++;
        }
        PersistRate bench = new PersistRate(messages, warmup * 1000, measure * 1000);
        System.out.printf(Locale.ROOT, "persist: %s messages before each run, %d s warm-up, %d s measured;"
                        + " %d CPUs, Java %s; load average %s%n", messages == 0 ? "no" : String.format("%,d", messages),
                warmup, measure, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                loadAverage());
        Optional<Dataset> dataset = messages == 0 ? Optional.empty() : Optional.of(Dataset.ensure(messages));
        List<Result> results = new ArrayList<>();
        for (int p : posters) {
            results.add(bench.inScratchStore(dataset, (dir, store) -> bench.writer(store, p)));
        }
        for (int b : batches) {
            results.add(bench.inScratchStore(dataset, (dir, store) -> bench.raw(store, b)));
        }
        System.out.printf(Locale.ROOT, "%npersist: results (%s messages before each run; load average now %s)%n",
                messages == 0 ? "no" : String.format("%,d", messages), loadAverage());
        System.out.printf(Locale.ROOT, "%-30s %10s %9s %9s %9s %11s %7s%n", "configuration", "msg/s", "p50 ms",
                "p99 ms", "max ms", "msg/append", "failed");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-30s %,10.0f %9s %9s %9s %11.1f %7d%n", r.name(), r.rate(),
                    r.percentile(0.50), r.percentile(0.99), r.percentile(1.0), r.messagesPerAppend(), r.failed());
        }
        System.out.println("(latency: post until its future completed, or one append call; msg/append: mean"
                + " messages per HistoryStore.append)");
    }

    /** Runs the work on a fresh copy of the dataset (or an empty store with the rooms), then deletes the copy. */
    Result inScratchStore(Optional<Dataset> dataset, BiFunction<Path, Store, Result> work) throws IOException {
        Path scratch = Dataset.root().resolve("persist-scratch");
        Dataset.deleteTree(scratch);
        Files.createDirectories(scratch);
        try {
            if (dataset.isPresent()) {
                Dataset.copyTree(dataset.get().dir(), scratch);
            }
            try (Store store = H2Store.open(scratch)) {
                if (dataset.isEmpty()) {
                    createRooms(store);
                }
                Result result = work.apply(scratch, store);
                // The file's size while open and busy: what H2 has not yet compacted counts too.
                System.out.printf(Locale.ROOT, "persist: store on disk after the run: %,d MB%n",
                        Dataset.size(scratch) >> 20);
                return result;
            }
        } finally {
            Dataset.deleteTree(scratch);
        }
    }

    private static void createRooms(Store store) {
        Category category = Category.named(Dataset.CATEGORY);
        store.categories().create(category);
        for (int i = 0; i < Dataset.ROOMS; i++) {
            String address = MessageFactory.roomAddress(i);
            store.rooms().create(Room.create(address, category.id(), "Bench room " + address.substring(6)));
        }
    }

    private PostedMessage next(ThreadLocalRandom random, List<Room> rooms) {
        return MessageFactory.message(rooms.get(random.nextInt(rooms.size())), random.nextInt(MessageFactory.USERS),
                UUID.randomUUID().toString(), Instant.now(), bodies[random.nextInt(bodies.length)]);
    }

    private Result writer(Store store, int posters) {
        return writer(store, store.history(), posters, "HistoryWriter, " + posters
                + (posters == 1 ? " poster" : " posters"));
    }

    /** {@code posters} threads posting through a {@link HistoryWriter} over {@code path} (the store's history). */
    Result writer(Store store, HistoryStore path, int posters, String name) {
        System.out.printf("persist: %s …%n", name);
        List<Room> rooms = Dataset.rooms(store);
        CountingHistory history = CountingHistory.of(path);
        LongAdder completed = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Phase phase = new Phase();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (HistoryWriter writer = new HistoryWriter(history.store())) {
            for (int i = 0; i < posters; i++) {
                Latencies mine = new Latencies();
                latencies.add(mine);
                threads.add(Thread.ofPlatform().name("poster-" + i).start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (phase.running) {
                        PostedMessage message = next(random, rooms);
                        long start = System.nanoTime();
                        try {
                            writer.post(message).join();
                        } catch (CompletionException e) {
                            failed.increment();
                            firstFailure.compareAndSet(null, e.getCause());
                            continue;
                        }
                        long took = System.nanoTime() - start;
                        completed.increment();
                        if (phase.measuring) {
                            mine.add(took);
                        }
                    }
                }));
            }
            sleep(warmupMillis);
            long completedBefore = completed.sum();
            long failedBefore = failed.sum();
            long appendsBefore = history.appends.get();
            long appendedBefore = history.appended.get();
            long cpuBefore = processCpuNanos();
            long began = System.nanoTime();
            phase.measuring = true;
            sleep(measureMillis);
            phase.measuring = false;
            long ended = System.nanoTime();
            long cpu = processCpuNanos() - cpuBefore;
            long done = completed.sum() - completedBefore;
            long refused = failed.sum() - failedBefore;
            long appends = history.appends.get() - appendsBefore;
            long appended = history.appended.get() - appendedBefore;
            phase.running = false;
            for (Thread t : threads) {
                join(t);
            }
            if (firstFailure.get() != null) {
                System.out.println("persist: first failure: " + firstFailure.get());
            }
            Result result = new Result(name, done, refused, (ended - began) / 1e9, Latencies.merge(latencies),
                    appends == 0 ? 0 : (double) appended / appends, cpu);
            report(result);
            return result;
        }
    }

    private Result raw(Store store, int batchSize) {
        String name = "HistoryStore.append, batch " + batchSize;
        System.out.printf("persist: %s …%n", name);
        List<Room> rooms = Dataset.rooms(store);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long warmupEnd = start + warmupMillis * 1_000_000;
        long end = warmupEnd + measureMillis * 1_000_000;
        long began = -1;
        long cpuBefore = 0;
        long done = 0;
        long appends = 0;
        long now = start;
        List<PostedMessage> batch = new ArrayList<>(batchSize);
        while (now < end) {
            batch.clear();
            for (int i = 0; i < batchSize; i++) {
                batch.add(next(random, rooms));
            }
            long t0 = System.nanoTime();
            store.history().append(batch);
            now = System.nanoTime();
            if (t0 >= warmupEnd) {
                if (began < 0) {
                    began = t0;
                    cpuBefore = processCpuNanos();
                }
                done += batchSize;
                appends++;
                latencies.add(now - t0);
            }
        }
        Result result = new Result(name, done, 0, (now - began) / 1e9, latencies.sorted(), batchSize,
                processCpuNanos() - cpuBefore);
        report(result);
        return result;
    }

    static void report(Result r) {
        System.out.printf(Locale.ROOT, "persist: %s: %,.0f msg/s (%,d in %.1f s), latency p50 %s ms, p99 %s ms,"
                        + " max %s ms, %.1f msg/append, %.1f µs CPU/msg, %d failed; load average %s%n", r.name(),
                r.rate(), r.completed(), r.seconds(), r.percentile(0.5), r.percentile(0.99), r.percentile(1.0),
                r.messagesPerAppend(), r.cpuMicrosPerMessage(), r.failed(), loadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(s -> Integer.parseInt(s.trim())).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class Phase {
        volatile boolean running = true;
        volatile boolean measuring;
    }

    /** One thread's latencies, in nanoseconds. */
    private static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }

        static long[] merge(List<Latencies> all) {
            long[] out = new long[all.stream().mapToInt(l -> l.size).sum()];
            int at = 0;
            for (Latencies l : all) {
                System.arraycopy(l.values, 0, out, at, l.size);
                at += l.size;
            }
            Arrays.sort(out);
            return out;
        }
    }

    /**
     * Counts the appends the writer makes and the messages in them, to show how well it groups. A proxy rather
     * than a delegating class, so that methods added to {@link HistoryStore} need nothing here.
     */
    private static final class CountingHistory implements InvocationHandler {
        final AtomicLong appends = new AtomicLong();
        final AtomicLong appended = new AtomicLong();
        private final HistoryStore delegate;

        private CountingHistory(HistoryStore delegate) {
            this.delegate = delegate;
        }

        static CountingHistory of(HistoryStore delegate) {
            return new CountingHistory(delegate);
        }

        HistoryStore store() {
            return (HistoryStore) Proxy.newProxyInstance(HistoryStore.class.getClassLoader(),
                    new Class<?>[] {HistoryStore.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("append") && result instanceof List<?> stored) {
                appends.incrementAndGet();
                appended.addAndGet(stored.size());
            }
            return result;
        }
    }
}
