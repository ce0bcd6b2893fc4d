package org.perch.store.postgres;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A PostgreSQL server this JVM runs for its tests: the zonky binaries ({@code io.zonky.test.postgres}), listening on
 * 127.0.0.1 only (no Unix socket), with a superuser password, stopped and deleted when the JVM exits.
 *
 * <p>Why not zonky's own {@code EmbeddedPostgres}: PostgreSQL refuses to run as root, zonky runs {@code initdb} and
 * {@code pg_ctl} as the JVM's user, and builds here (CI included) run as root. So this runs them itself, as
 * {@code nobody} (through {@code runuser}) when the JVM is root, in a directory handed to that user. The server is
 * tuned for throw-away data: no fsync.
 */
final class LocalPostgres {

    static final String SUPERUSER = "postgres";
    private static final String UNPRIVILEGED_USER = "nobody";

    private LocalPostgres() {
    }

    /** A running server: its loopback port and its superuser's password. */
    record Server(int port, String superuserPassword) {
        @Override
        public String toString() {
            return "LocalPostgres.Server[port=" + port + "]";
        }
    }

    /** Starts a server in a new temporary directory; a JVM shutdown hook stops it and deletes the directory. */
    static Server start() throws IOException, InterruptedException {
        Installation pg = Installation.find();
        String password = randomSecret();
        Path home = pg.initdb(password);
        int port = freePort();
        pg.start(home, port, "");
        pg.removeAtExit(home);
        return new Server(port, password);
    }

    /**
     * A primary and a standby streaming from it (ARCHITECTURE D7). Synchronous, the primary's commits wait until the
     * standby has the commit's WAL, so what the primary acknowledged survives its loss (a standby in the site);
     * asynchronous, they do not (a backup store in another site). The standby starts from a copy of the primary's
     * directory made right after {@code initdb} (a cold base backup: the zonky binaries have no
     * {@code pg_basebackup}).
     */
    static ReplicatedPair startReplicated(boolean synchronous) throws IOException, InterruptedException {
        Installation pg = Installation.find();
        String password = randomSecret();
        Path primary = pg.initdb(password);
        Path standby = pg.copyOf(primary);
        int primaryPort = freePort();
        int standbyPort = freePort();
        pg.follow(standby, primaryPort, password);
        pg.start(primary, primaryPort, synchronous ? " -c synchronous_standby_names=" + ReplicatedPair.STANDBY_NAME
                : "");
        pg.removeAtExit(primary);
        pg.start(standby, standbyPort, "");
        pg.removeAtExit(standby);
        return new ReplicatedPair(pg, primary, standby, primaryPort, standbyPort, password, synchronous);
    }

    /**
     * A primary and its standby on loopback ports, for drills: the primary can be crashed or stopped and the standby
     * promoted, as an operator or a failover manager would, and the old primary then rebuilt as the new one's
     * standby, so that a drill can fail back.
     */
    record ReplicatedPair(Installation pg, Path primaryHome, Path standbyHome, int primaryPort, int standbyPort,
                          String superuserPassword, boolean synchronous) {
        static final String STANDBY_NAME = "perch_standby";

        /** Stops the primary as a crash does: no checkpoint, no goodbye to its clients or its standby. */
        void crashPrimary() throws IOException, InterruptedException {
            pg.pgCtl(primaryHome, "crash", "-m", "immediate", "-w", "stop");
        }

        /** Stops the primary as a planned switchover does: clients are told, the standby gets the last WAL. */
        void stopPrimary() throws IOException, InterruptedException {
            pg.pgCtl(primaryHome, "stop", "-m", "fast", "-w", "stop");
        }

        /** Makes the standby the primary, and waits until it accepts writes. */
        void promoteStandby() throws IOException, InterruptedException {
            pg.pgCtl(standbyHome, "promote", "-w", "-t", "60", "promote");
        }

        /**
         * Once the primary is down and the standby promoted, replaces the old primary's data with an online base
         * backup of the promoted server ({@link OnlineBaseBackup}: it keeps taking writes meanwhile) and starts it,
         * on its own port, as the promoted server's standby. Returns the pair as it now is, roles swapped; a
         * synchronous pair's promoted server is made to wait for its new standby, as the old primary did.
         *
         * @throws IllegalStateException if the old primary still runs or the standby was not promoted
         */
        ReplicatedPair rebuildOldPrimaryAsStandby() throws IOException, InterruptedException, SQLException {
            if (pg.running(primaryHome)) {
                throw new IllegalStateException("the primary on port " + primaryPort + " still runs: crash or stop"
                        + " it before rebuilding it as a standby");
            }
            try (Connection promoted = connect(standbyPort, "postgres")) {
                requirePromoted(promoted);
                Path data = primaryHome.resolve("data");
                deleteTree(data);
                OnlineBaseBackup.copy(promoted, standbyHome.resolve("data"), data, pg::own);
                pg.follow(primaryHome, standbyPort, superuserPassword);
                // Started as a standby is, with no synchronous_standby_names of its own: were it promoted in a
                // failback with nobody to stream to, its commits would wait forever.
                pg.start(primaryHome, primaryPort, "");
                if (synchronous) {
                    makeCommitsWaitForStandby(promoted);
                }
            }
            return new ReplicatedPair(pg, standbyHome, primaryHome, standbyPort, primaryPort, superuserPassword,
                    synchronous);
        }

        /** A superuser connection to the server on that port, to that database. */
        Connection connect(int port, String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER,
                    superuserPassword);
        }

        private static void requirePromoted(Connection server) throws SQLException {
            try (Statement statement = server.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                if (!rs.next() || rs.getBoolean(1)) {
                    throw new IllegalStateException("promote the standby before rebuilding the old primary from it");
                }
            }
        }

        /**
         * Through ALTER SYSTEM, not the command line: the promoted server was started as a standby, and a reload
         * is all it takes, with no restart that its clients would see.
         */
        private static void makeCommitsWaitForStandby(Connection primary) throws SQLException {
            try (Statement statement = primary.createStatement()) {
                statement.execute("ALTER SYSTEM SET synchronous_standby_names = '" + STANDBY_NAME + "'");
                statement.execute("SELECT pg_reload_conf()");
            }
        }

        @Override
        public String toString() {
            return "LocalPostgres.ReplicatedPair[primary=" + primaryPort + ", standby=" + standbyPort + "]";
        }
    }

    /**
     * The unpacked binaries, run as {@code nobody} when this JVM is root, with each server in a temporary directory
     * of its own (its "home", holding {@code data/} and the logs) that belongs to the user the server runs as.
     */
    record Installation(Path bin, boolean root) {

        static Installation find() throws IOException, InterruptedException {
            return new Installation(binaries().resolve("bin"), new UnixSystem().getUid() == 0);
        }

        /** A new home with a fresh cluster in {@code data/}, whose superuser has the password. */
        Path initdb(String password) throws IOException, InterruptedException {
            Path home = newHome();
            Path passwordFile = Files.writeString(home.resolve("password"), password + "\n");
            own(passwordFile);
            run(root, home.resolve("initdb.log"), bin.resolve("initdb").toString(), "-D",
                    home.resolve("data").toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile, "-A",
                    "scram-sha-256", "-E", "UTF-8", "--no-locale", "--no-sync", "--no-instructions");
            Files.delete(passwordFile);
            return home;
        }

        /** A new home holding a copy of a stopped cluster's {@code data/}, owned and private as PostgreSQL wants. */
        Path copyOf(Path home) throws IOException, InterruptedException {
            Path copy = newHome();
            run(root, copy.resolve("copy.log"), "cp", "-a", home.resolve("data").toString(),
                    copy.resolve("data").toString());
            return copy;
        }

        /**
         * Starts the cluster of that home on 127.0.0.1 at the port (no Unix socket), tuned for throw-away data.
         * {@code wal_keep_size} keeps the WAL a standby rebuilt from an online base backup needs from the backup's
         * start: a checkpoint (at most every few minutes, or per gigabyte of WAL) would otherwise be free to recycle
         * it before the standby connects, and a drill's writes during a rebuild come nowhere near 256 MB.
         */
        void start(Path home, int port, String options) throws IOException, InterruptedException {
            pgCtl(home, "start", "-l", home.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=''"
                            + " -c max_connections=300 -c fsync=off -c full_page_writes=off -c wal_keep_size=256MB"
                            + options, "start");
        }

        /**
         * Makes the cluster of that home, once started, a standby streaming from the server at that port. A
         * {@code primary_conninfo} or {@code synchronous_standby_names} the directory was copied with is dropped: the
         * first names the server it was copied from, the second would make it, once promoted, wait for a standby.
         */
        void follow(Path home, int primaryPort, String password) throws IOException {
            Path data = home.resolve("data");
            own(Files.writeString(data.resolve("standby.signal"), ""));
            Path conf = data.resolve("postgresql.auto.conf");
            List<String> lines = new ArrayList<>(Files.readAllLines(conf).stream()
                    .filter(line -> !line.startsWith("primary_conninfo")
                            && !line.startsWith("synchronous_standby_names"))
                    .toList());
            lines.add("primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=" + SUPERUSER + " password="
                    + password + " application_name=" + ReplicatedPair.STANDBY_NAME + "'");
            Files.write(conf, lines);
        }

        /** Whether the cluster of that home runs: a clean or an immediate stop both remove the pid file. */
        boolean running(Path home) {
            return Files.exists(home.resolve("data/postmaster.pid"));
        }

        void pgCtl(Path home, String logName, String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D",
                    home.resolve("data").toString()));
            command.addAll(List.of(arguments));
            run(root, home.resolve("pg_ctl-" + logName + ".log"), command.toArray(String[]::new));
        }

        /** At JVM exit: stops the cluster of that home, if it still runs, and deletes the home. */
        void removeAtExit(Path home) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (Files.exists(home.resolve("data/postmaster.pid"))) {
                        pgCtl(home, "stop", "-m", "immediate", "-w", "stop");
                    }
                    deleteTree(home);
                } catch (IOException | InterruptedException e) {
                    // At JVM exit nobody is left to tell but the console; the directory is only a temporary one.
                    System.err.println("Could not stop the test PostgreSQL in " + home + ": " + e);
                }
            }, "perch-postgres-stop"));
        }

        private Path newHome() throws IOException {
            Path home = Files.createTempDirectory("perch-postgres-");
            own(home);
            return home;
        }

        /** Hands a file this JVM made to the user the servers run as, who must own everything in a cluster. */
        void own(Path path) throws IOException {
            if (root) {
                Files.setOwner(path, nobody(path));
            }
        }
    }

    /** The binaries, unpacked once per machine into the temporary directory, by the archive's digest. */
    private static Path binaries() throws IOException, InterruptedException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(),
                System.getProperty("os.arch"))) {
            archive = in.readAllBytes();
        }
        Path parent = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "perch-postgres"));
        Path unpacked = parent.resolve(digest(archive));
        if (Files.isDirectory(unpacked.resolve("bin"))) {
            return unpacked;
        }
        Path unpacking = Files.createTempDirectory(parent, "unpacking-");
        Path file = Files.write(parent.resolve(unpacking.getFileName() + ".txz"), archive);
        try {
            run(false, parent.resolve(unpacking.getFileName() + ".log"), "tar", "-xJf", file.toString(), "-C",
                    unpacking.toString());
            // Readable by the unprivileged user the server may run as; a temporary directory is owner-only.
            Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(unpacking, unpacked, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(unpacked.resolve("bin"))) {
                throw e;
            }
            // Another JVM unpacked the same binaries first; its copy serves.
        } finally {
            deleteTree(unpacking);
            Files.deleteIfExists(file);
            Files.deleteIfExists(parent.resolve(unpacking.getFileName() + ".log"));
        }
        return unpacked;
    }

    private static void deleteTree(Path top) throws IOException {
        if (Files.exists(top)) {
            try (Stream<Path> files = Files.walk(top)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** 32 random hex digits: a password that needs no quoting anywhere. */
    static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return "Linux";
        }
        if (os.contains("mac")) {
            return "Darwin";
        }
        throw new IllegalStateException("no PostgreSQL binaries for " + os + "; set "
                + TestPostgres.URL_VARIABLE + " to use a server of your own");
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static UserPrincipal nobody(Path anywhere) throws IOException {
        return anywhere.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command to its end, as the unprivileged user if {@code dropRoot}; fails with its output. */
    private static void run(boolean dropRoot, Path log, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (dropRoot) {
            line.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + exit + "):\n" + Files.readString(log));
        }
    }
}
