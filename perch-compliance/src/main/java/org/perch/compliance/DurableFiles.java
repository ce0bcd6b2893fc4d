package org.perch.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes a file so that it is either absent, or complete and on disk: the content goes to a hidden temporary file
 * beside it, is forced to disk, takes the file's name in one atomic rename (replacing an earlier attempt's file),
 * and the directory is forced so that the rename survives a crash too.
 */
public final class DurableFiles {

    /** What writes a file's content; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final boolean DIRECTORIES_CANNOT_BE_FORCED =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Writes {@code target} durably; a crash leaves at most a hidden {@code .name.partial} file behind. */
    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // A fixed temporary name: a retried batch overwrites what a crashed attempt left.
        Path temporary = directory.resolve("." + target.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(directory);
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a file; NTFS journals the rename itself.
            if (!DIRECTORIES_CANNOT_BE_FORCED) {
                throw e;
            }
        }
    }
}
