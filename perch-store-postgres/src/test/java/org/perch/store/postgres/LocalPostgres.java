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
        Path bin = binaries().resolve("bin");
        boolean root = new UnixSystem().getUid() == 0;
        Path home = Files.createTempDirectory("perch-postgres-");
        if (root) {
            Files.setOwner(home, nobody(home));
        }
        String password = randomSecret();
        Path passwordFile = Files.writeString(home.resolve("password"), password + "\n");
        if (root) {
            Files.setOwner(passwordFile, nobody(home));
        }
        Path data = home.resolve("data");
        run(root, home.resolve("initdb.log"), bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", SUPERUSER, "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF-8", "--no-locale",
                "--no-sync", "--no-instructions");
        Files.delete(passwordFile);
        int port = freePort();
        run(root, home.resolve("pg_ctl.log"), bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", home.resolve("server.log").toString(), "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1"
                        + " -c port=" + port + " -c unix_socket_directories='' -c max_connections=300"
                        + " -c fsync=off -c full_page_writes=off", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, bin, home), "perch-postgres-stop"));
        return new Server(port, password);
    }

    private static void stop(boolean root, Path bin, Path home) {
        try {
            run(root, home.resolve("pg_ctl-stop.log"), bin.resolve("pg_ctl").toString(), "-D",
                    home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            deleteTree(home);
        } catch (IOException | InterruptedException e) {
            // At JVM exit nobody is left to tell but the console; the directory is only a temporary one.
            System.err.println("Could not stop the test PostgreSQL in " + home + ": " + e);
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
