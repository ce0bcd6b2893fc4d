package org.perch.store.h2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The database password: random, made on first open, kept in a file only its owner can read. Never logged.
 */
final class H2Password {

    private static final int RANDOM_BYTES = 32;

    private H2Password() {
    }

    static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Written in full under a temporary name, then published with a hard link, which fails if the file
        // exists: of two processes opening a new store at once, exactly one password wins, and nobody reads a
        // half-written file. (A rename would silently replace the winner's file.)
        Path tmp = Files.createTempFile(file.getParent(), "credentials", ".tmp", ownerOnly(file));
        try {
            Files.writeString(tmp, password + "\n", StandardCharsets.US_ASCII);
            publish(tmp, file);
            return password;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void publish(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
        } catch (UnsupportedOperationException e) {
            // No hard links on this file system: a plain move, whose existence check is not atomic.
            Files.move(tmp, file);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IOException("the store credentials file is empty: " + file);
        }
        return password;
    }

    /** rw------- where the file system has POSIX permissions; elsewhere the directory's own ACL applies. */
    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
