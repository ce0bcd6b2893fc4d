package org.perch.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin API's local credential: a random token the server writes to {@code <data-dir>/admin/token} at each
 * start, readable by the server's owner only. Whoever can read it is, in effect, the server's operator (they could
 * equally read the database), so {@code perch} commands run on the server's machine by that user need no secret
 * typed in.
 */
public final class LocalCredential {

    private static final int TOKEN_BYTES = 32;

    private LocalCredential() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("admin").resolve("token");
    }

    /** Makes a new token and replaces the file with it; the previous token stops working with the old server. */
    public static String create(Path dataDir, SecureRandom random) throws IOException {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path file = file(dataDir);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("token.new");
        Files.deleteIfExists(temporary);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            // Created owner-only, so the token is never readable by others, not even for a moment.
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return token;
    }

    /** The token of the server running on {@code dataDir}. */
    public static String read(Path dataDir) throws IOException {
        return Files.readString(file(dataDir), StandardCharsets.US_ASCII).strip();
    }
}
