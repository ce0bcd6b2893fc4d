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
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
        Files.writeString(standby.resolve("data/standby.signal"), "");
        Files.writeString(standby.resolve("data/postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
                + primaryPort + " user=" + SUPERUSER + " password=" + password + " application_name="
                + ReplicatedPair.STANDBY_NAME + "'\n", StandardOpenOption.APPEND);
        pg.start(primary, primaryPort, synchronous ? " -c synchronous_standby_names=" + ReplicatedPair.STANDBY_NAME
                : "");
        pg.removeAtExit(primary);
        pg.start(standby, standbyPort, "");
        pg.removeAtExit(standby);
        return new ReplicatedPair(pg, primary, standby, primaryPort, standbyPort, password);
    }

    /**
     * A primary and its standby on loopback ports, for drills: the primary can be crashed and the standby promoted,
     * as an operator or a failover manager would.
     */
    record ReplicatedPair(Installation pg, Path primaryHome, Path standbyHome, int primaryPort, int standbyPort,
                          String superuserPassword) {
        static final String STANDBY_NAME = "perch_standby";

        /** Stops the primary as a crash does: no checkpoint, no goodbye to its clients or its standby. */
        void crashPrimary() throws IOException, InterruptedException {
            pg.pgCtl(primaryHome, "crash", "-m", "immediate", "-w", "stop");
        }

        /** Makes the standby the primary, and waits until it accepts writes. */
        void promoteStandby() throws IOException, InterruptedException {
            pg.pgCtl(standbyHome, "promote", "-w", "-t", "60", "promote");
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

        /** Starts the cluster of that home on 127.0.0.1 at the port (no Unix socket), tuned for throw-away data. */
        void start(Path home, int port, String options) throws IOException, InterruptedException {
            pgCtl(home, "start", "-l", home.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=''"
                            + " -c max_connections=300 -c fsync=off -c full_page_writes=off" + options, "start");
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

        private void own(Path path) throws IOException {
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
