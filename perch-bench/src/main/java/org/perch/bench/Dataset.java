package org.perch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.h2.H2Store;

/**
 * An H2 data directory holding {@code messages} messages spread evenly at random over {@value #ROOMS} rooms of one
 * category, made once and reused: {@code <root>/dataset-<messages>}, where root is {@code -Dperch.bench.data},
 * else {@code $PERCH_BENCH_DATA}, else {@code perch-bench/target} (or {@code target} when run from the module).
 *
 * <p>Loading goes through {@link org.perch.store.chat.HistoryStore#append} in batches of {@value #LOAD_BATCH}, from
 * a fixed seed, so every dataset of one size holds the same messages. Message {@code i} is stamped
 * {@link #START} plus {@code i} seconds. A directory without its {@value #MARKER} (an interrupted load) is
 * deleted and loaded again.
 *
 * <p>{@code java -cp benchmarks.jar org.perch.bench.Dataset 1000000 10000000} makes datasets ahead of a run.
 */
public final class Dataset {

    public static final int ROOMS = 1_000;
    static final int LOAD_BATCH = 1_000;
    static final String CATEGORY = "Bench";
    static final Instant START = Instant.parse("2025-01-06T08:00:00Z");
    private static final String MARKER = "dataset.properties";
    private static final long SEED = 0x5045524348L;

    /** A message somewhere in the middle of a room's history, by the stanza-id MAM clients page from. */
    public record Anchor(RoomId room, String stanzaId) {
    }

    private final Path dir;
    private final long messages;
    private final Properties info;

    private Dataset(Path dir, long messages, Properties info) {
        this.dir = dir;
        this.messages = messages;
        this.info = info;
    }

    public static Path root() {
        String configured = System.getProperty("perch.bench.data", System.getenv("PERCH_BENCH_DATA"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path module = Path.of("perch-bench");
        return (Files.isDirectory(module) ? module.resolve("target") : Path.of("target")).toAbsolutePath();
    }

    public static Path dirFor(long messages) {
        return root().resolve("dataset-" + messages);
    }

    /** The dataset of this size, loading it first if it is not there yet (or was left half-loaded). */
    public static Dataset ensure(long messages) {
        if (messages < ROOMS) {
            throw new IllegalArgumentException("a dataset needs at least one message per room, got " + messages);
        }
        Path dir = dirFor(messages);
        Path marker = dir.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker)) {
                Properties info = new Properties();
                try (InputStream in = Files.newInputStream(marker)) {
                    info.load(in);
                }
                if (String.valueOf(messages).equals(info.getProperty("messages"))) {
                    System.out.printf(Locale.ROOT, "dataset: reusing %s (%,d messages, loaded at %s msg/s, %s)%n",
                            dir, messages, info.getProperty("load.rate"),
                            compacted(info) ? "compacted" : "not compacted");
                    if (compactionWanted() && !compacted(info)) {
                        compact(dir, info);
                        writeMarker(marker, info);
                    }
                    return new Dataset(dir, messages, info);
                }
            }
            if (Files.exists(dir)) {
                System.out.printf("dataset: %s is incomplete; deleting it and loading again%n", dir);
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            Properties info = load(dir, messages);
            if (compactionWanted()) {
                compact(dir, info);
            }
            writeMarker(marker, info);
            return new Dataset(dir, messages, info);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the dataset in " + dir, e);
        }
    }

    private static Properties load(Path dir, long messages) {
        System.out.printf(Locale.ROOT, "dataset: loading %,d messages into %d rooms at %s (batches of %,d)%n",
                messages, ROOMS, dir, LOAD_BATCH);
        SplittableRandom random = new SplittableRandom(SEED);
        long began = System.nanoTime();
        long reportEvery = Math.max(messages / 20, 100_000);
        try (Store store = H2Store.open(dir)) {
            Category category = Category.named(CATEGORY);
            if (!store.categories().create(category)) {
                throw new IllegalStateException("could not create the category " + CATEGORY);
            }
            List<Room> rooms = new ArrayList<>(ROOMS);
            for (int i = 0; i < ROOMS; i++) {
                String address = MessageFactory.roomAddress(i);
                Room room = Room.create(address, category.id(), "Bench room " + address.substring(6));
                if (!store.rooms().create(room)) {
                    throw new IllegalStateException("could not create the room " + address);
                }
                rooms.add(room);
            }
            List<PostedMessage> batch = new ArrayList<>(LOAD_BATCH);
            long lastReport = began;
            long lastCount = 0;
            for (long i = 0; i < messages; i++) {
                batch.add(MessageFactory.random(random, rooms, START.plusSeconds(i)));
                if (batch.size() == LOAD_BATCH || i == messages - 1) {
                    store.history().append(batch);
                    batch.clear();
                    long done = i + 1;
                    if (done % reportEvery == 0 || done == messages) {
                        long now = System.nanoTime();
                        System.out.printf(Locale.ROOT, "dataset: %,d / %,d (%3d%%) %,8.0f msg/s now, %,8.0f msg/s"
                                        + " overall, %s elapsed%n", done, messages, done * 100 / messages,
                                rate(done - lastCount, now - lastReport), rate(done, now - began),
                                Duration.ofNanos(now - began).withNanos(0));
                        lastReport = now;
                        lastCount = done;
                    }
                }
            }
        }
        long nanos = System.nanoTime() - began;
        long bytes = size(dir);
        System.out.printf(Locale.ROOT, "dataset: loaded %,d messages in %.1f s: %,.0f msg/s; %,d MB on disk%n",
                messages, nanos / 1e9, rate(messages, nanos), bytes >> 20);
        Properties info = new Properties();
        info.setProperty("messages", String.valueOf(messages));
        info.setProperty("rooms", String.valueOf(ROOMS));
        info.setProperty("load.batch", String.valueOf(LOAD_BATCH));
        info.setProperty("load.seconds", String.format(Locale.ROOT, "%.1f", nanos / 1e9));
        info.setProperty("load.rate", String.format(Locale.ROOT, "%.0f", rate(messages, nanos)));
        info.setProperty("disk.megabytes", String.valueOf(bytes >> 20));
        info.setProperty("java.version", System.getProperty("java.version"));
        info.setProperty("loaded.at", Instant.now().toString());
        return info;
    }

    private static void writeMarker(Path marker, Properties info) throws IOException {
        try (OutputStream out = Files.newOutputStream(marker)) {
            info.store(out, "perch-bench dataset; delete the directory to load it again");
        }
    }

    private static boolean compacted(Properties info) {
        return Boolean.parseBoolean(info.getProperty("compacted"));
    }

    /** Compaction is on unless {@code -Dperch.bench.compact=false} or {@code PERCH_BENCH_COMPACT=false}. */
    static boolean compactionWanted() {
        return !"false".equalsIgnoreCase(System.getProperty("perch.bench.compact",
                System.getenv().getOrDefault("PERCH_BENCH_COMPACT", "true")));
    }

    /**
     * Rewrites the H2 file with only its live pages ({@code SHUTDOWN COMPACT}, over plain JDBC: the store API has
     * no such operation), so that every run reads a file laid out the same way. Right after a load, the file still
     * holds the last few seconds of rewritten pages that H2 keeps before reusing their space; see
     * docs/benchmarks.md.
     */
    private static void compact(Path dir, Properties info) throws IOException {
        // H2Store insists that H2 binds its automatic server to loopback; keep that true if H2 loads here first.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Path store = dir.resolve("store");
        String password = Files.readString(store.resolve("credentials"), StandardCharsets.US_ASCII).strip();
        long before = size(dir);
        System.out.printf(Locale.ROOT, "dataset: compacting %s (%,d MB)…%n", dir, before >> 20);
        long began = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("perch"), "perch", password);
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IOException("could not compact the dataset in " + dir, e);
        }
        long nanos = System.nanoTime() - began;
        long after = size(dir);
        System.out.printf(Locale.ROOT, "dataset: compacted %,d MB to %,d MB in %.1f s%n", before >> 20, after >> 20,
                nanos / 1e9);
        info.setProperty("disk.megabytes.loaded", String.valueOf(before >> 20));
        info.setProperty("disk.megabytes", String.valueOf(after >> 20));
        info.setProperty("compact.seconds", String.format(Locale.ROOT, "%.1f", nanos / 1e9));
        info.setProperty("compacted", "true");
    }

    public Path dir() {
        return dir;
    }

    public long messages() {
        return messages;
    }

    public String info(String key) {
        return info.getProperty(key, "?");
    }

    public Store open() {
        return H2Store.open(dir);
    }

    /** The dataset's rooms, sorted by name (so by index). */
    public static List<Room> rooms(Store store) {
        Category category = store.categories().findByName(CATEGORY)
                .orElseThrow(() -> new IllegalStateException("the dataset has no category " + CATEGORY));
        List<Room> rooms = store.rooms().inCategory(category.id());
        if (rooms.size() != ROOMS) {
            throw new IllegalStateException("the dataset has " + rooms.size() + " rooms, not " + ROOMS);
        }
        return rooms;
    }

    /**
     * {@code count} anchors picked by querying: a random room, and its first message at or after a random moment
     * between 10% and 90% of the dataset's time span, so that a page of 50 either way of it is full.
     */
    public List<Anchor> anchors(Store store, List<Room> rooms, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long low = messages / 10;
        long span = messages * 8 / 10;
        List<Anchor> anchors = new ArrayList<>(count);
        for (int attempts = 0; anchors.size() < count; attempts++) {
            if (attempts > count * 10) {
                throw new IllegalStateException("found only " + anchors.size() + " anchors in " + attempts
                        + " attempts");
            }
            RoomId room = rooms.get(random.nextInt(rooms.size())).id();
            Instant at = START.plusSeconds(low + random.nextLong(span));
            store.history().query(HistoryQuery.earliest(room, 1).withStart(at))
                    .flatMap(page -> page.messages().stream().findFirst())
                    .map(ChatMessage::stanzaId)
                    .ifPresent(id -> anchors.add(new Anchor(room, id)));
        }
        return anchors;
    }

    static double rate(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a lock file that went away
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Loads (or finds) the datasets named by the arguments, message counts such as {@code 1000000}. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Dataset MESSAGES...   (e.g. 1000000 10000000); data under " + root());
            System.exit(2);
        }
        for (String arg : args) {
            Dataset dataset = ensure(Long.parseLong(arg.replace("_", "")));
            System.out.printf(Locale.ROOT, "dataset: %s ready: %s messages, load %s s at %s msg/s, %s MB%n",
                    dataset.dir(), dataset.info("messages"), dataset.info("load.seconds"), dataset.info("load.rate"),
                    dataset.info("disk.megabytes"));
        }
    }
}
