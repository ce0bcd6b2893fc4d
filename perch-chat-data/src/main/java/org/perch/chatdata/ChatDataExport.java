package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.perch.store.Store;

/**
 * Export-CsPersistentChatData: writes the store's Persistent Chat data to a data file (docs/data-format.md), one
 * line at a time, so any history fits. Two exports of the same data are equal byte for byte. Reads the store
 * through its interfaces only; it may run while a server uses the store, but is then no snapshot: messages posted
 * meanwhile may or may not be in it, and rooms created after it began are not.
 */
public final class ChatDataExport {

    private ChatDataExport() {
    }

    /**
     * Writes the file, readable and writable by its owner only (it holds every conversation). The data goes to a
     * temporary file beside it first, which then takes its name, so a failed export leaves no partial file and
     * an overwritten one stays whole until the new one is complete.
     *
     * @param overwrite whether an existing file may be replaced; without it, one is refused
     */
    public static DataSummary toFile(Store store, Path file, DataHeader header, boolean overwrite) {
        Path target = file.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            throw new ChatDataException(file + " already exists; give --force to overwrite it");
        }
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            throw new ChatDataException("no directory " + directory + " to write " + file.getFileName() + " in");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + file.getFileName() + "-", ".partial", ownerOnly());
            DataSummary summary;
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(temporary, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
                summary = write(store, header, out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, target);
            }
            return summary;
        } catch (FileAlreadyExistsException e) {
            throw new ChatDataException(file + " already exists; give --force to overwrite it");
        } catch (IOException e) {
            throw new ChatDataException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Writes the data file's lines to {@code out}, which the caller closes. */
    public static DataSummary write(Store store, DataHeader header, Writer out) {
        ExportSource source = ExportSource.read(store, header);
        Map<String, Long> counts = new HashMap<>();
        line(out, header.toJson());
        for (RecordKind<?> kind : DataFormat.KINDS) {
            counts.put(kind.type(), writeAll(kind, source, out));
        }
        return new DataSummary(header, counts);
    }

    private static <T> long writeAll(RecordKind<T> kind, ExportSource source, Writer out) {
        long[] written = {0};
        kind.export(source, record -> {
            ObjectNode json = DataJson.object();
            json.put("type", kind.type());
            kind.write(record, source, json);
            line(out, json);
            written[0]++;
        });
        return written[0];
    }

    private static void line(Writer out, ObjectNode json) {
        try {
            out.write(DataJson.write(json));
            out.write('\n');
        } catch (IOException e) {
            throw new ChatDataException("cannot write the export: " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix") ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // A leftover ".partial" file is harmless, and the real error is already on its way.
        }
    }
}
