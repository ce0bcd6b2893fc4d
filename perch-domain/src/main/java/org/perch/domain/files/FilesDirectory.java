package org.perch.domain.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file store directory: owner-only (0700), its files owner-only (0600), each named by its random id alone, a
 * partial upload by its id and {@code .part}.
 */
final class FilesDirectory {

    static final Logger LOG = LoggerFactory.getLogger(FilesDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    FilesDirectory(Path path) {
        this.path = path.toAbsolutePath();
        try {
            Files.createDirectories(this.path);
            Files.setPosixFilePermissions(this.path, DIRECTORY_PERMISSIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the file store directory " + this.path, e);
        }
    }

    Path path() {
        return path;
    }

    Path file(String id) {
        return path.resolve(id);
    }

    boolean uploaded(String id) {
        return Files.isRegularFile(file(id));
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
            Files.deleteIfExists(path.resolve(id + ".part"));
        } catch (IOException e) {
            LOG.warn("could not delete the file {}: {}", id, e.toString());
        }
    }

    /** Deletes partial uploads last written before {@code cutoff}: uploads a stopped server left behind. */
    int deletePartialBefore(Instant cutoff) {
        int deleted = 0;
        try (Stream<Path> files = Files.list(path)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".part")
                        && Files.getLastModifiedTime(p).compareTo(FileTime.from(cutoff)) < 0
                        && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list the file store directory {}: {}", path, e.toString());
        }
        return deleted;
    }
}
