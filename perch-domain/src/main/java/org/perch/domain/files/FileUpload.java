package org.perch.domain.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One upload under way: the body is written, as it arrives, to {@code <id>.part} (created owner-only, and only if no
 * upload of the file is under way or done), never past the slot's size; {@link #finish()} moves it to {@code <id>}
 * once it has exactly that size. Anything else ends in {@link #abort()}, which deletes the partial file. Not
 * thread-safe: one caller at a time.
 */
public final class FileUpload {

    private final Path part;
    private final Path target;
    private final long size;
    private final FileChannel channel;
    private long written;
    private boolean open = true;

    private FileUpload(Path part, Path target, long size, FileChannel channel) {
        this.part = part;
        this.target = target;
        this.size = size;
        this.channel = channel;
    }

    static FileUpload start(Path directory, String id, long size) throws IOException {
        Path target = directory.resolve(id);
        if (Files.exists(target)) {
            throw new FileException(FileException.Reason.CONFLICT, "this upload slot was used already");
        }
        Path part = directory.resolve(id + ".part");
        FileChannel channel;
        try {
            channel = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(FilesDirectory.FILE_PERMISSIONS));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new FileException(FileException.Reason.CONFLICT, "an upload to this slot is under way");
        }
        return new FileUpload(part, target, size, channel);
    }

    /** Writes the bytes; throws {@link FileException} (too large) if they go past the slot's size. */
    public void write(ByteBuffer bytes) throws IOException {
        if (written + bytes.remaining() > size) {
            throw FileException.overSlot(size);
        }
        while (bytes.hasRemaining()) {
            written += channel.write(bytes);
        }
    }

    /** Makes the file durable and available; throws {@link FileException} if it is shorter than its slot. */
    public void finish() throws IOException {
        if (written != size) {
            throw new FileException(FileException.Reason.INVALID, "the upload has " + written + " bytes, its slot "
                    + size);
        }
        channel.force(true);
        channel.close();
        open = false;
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stops the upload and deletes what was written; safe to call at any time, more than once. */
    public void abort() {
        try {
            if (open) {
                open = false;
                channel.close();
            }
            Files.deleteIfExists(part);
        } catch (IOException e) {
            FilesDirectory.LOG.warn("could not delete the partial upload {}: {}", part, e.toString());
        }
    }

    public long written() {
        return written;
    }
}
