package org.perch.domain.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.Attachments;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.Store;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.store.files.SharedFile;

/**
 * File posting under the Lync rules (ADR 0007). A user with a room whose category allows files gets an upload slot
 * for a file of at most MaxFileSizeKB; the file belongs to the room it is first posted in, and only if that room's
 * category allows files; a reader downloads it with a URL made for them, and only while they may read the room.
 * Uploads and downloads are recorded for compliance. Methods may block on the store and the disk.
 */
public final class FileSharing implements Attachments {

    private static final int ID_BYTES = 24;
    private static final int KEY_BYTES = 32;
    private static final int SWEEP_BATCH = 500;
    /** A media type: type/subtype and parameters, printable ASCII only (it becomes a response header). */
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+"
            + "(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[ -~&&[^\"\\\\]]*\"|[A-Za-z0-9!#$&^_.+-]+))*");
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final Store store;
    private final ChatRooms rooms;
    private final FileSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final FilesDirectory directory;
    private volatile FileLinks links;
    private final FileTokens tokens;

    public FileSharing(Store store, ChatRooms rooms, FileSettings settings, Clock clock, SecureRandom random) {
        this.store = store;
        this.rooms = rooms;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.directory = new FilesDirectory(settings.directory());
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        this.tokens = new FileTokens(store.files().signingKey(key));
    }

    /** The URLs' form, made on first use: the listener's port may be known only once it has bound. */
    public FileLinks links() {
        FileLinks made = links;
        if (made == null) {
            made = new FileLinks(settings.baseUrl().get());
            links = made;
        }
        return made;
    }

    /** The largest file a slot is granted for: MaxFileSizeKB, as configured now. */
    public long maxBytes() {
        return rooms.configuration().maxFileSizeKb() * 1024L;
    }

    /**
     * Grants an upload slot.
     *
     * @throws FileException too large, not allowed (no room whose category allows files), or invalid
     */
    public FileSlot requestSlot(Jid user, String fileName, long size, Optional<String> contentType) {
        if (size < 0) {
            throw new FileException(FileException.Reason.INVALID, "the file size must not be negative");
        }
        String type = contentType.map(String::strip).filter(t -> !t.isEmpty()).orElse(DEFAULT_CONTENT_TYPE);
        if (type.length() > SharedFile.MAX_CONTENT_TYPE_LENGTH || !CONTENT_TYPE.matcher(type).matches()) {
            throw new FileException(FileException.Reason.INVALID, "the content type is not a valid media type");
        }
        long max = maxBytes();
        if (size > max) {
            throw FileException.tooLarge(max);
        }
        if (rooms.allRooms(user, access -> access.canPost() && access.category().flags().fileUpload()).isEmpty()) {
            throw new FileException(FileException.Reason.NOT_ALLOWED,
                    "you are in no room whose category allows files");
        }
        String name = FileNames.sanitise(fileName);
        SharedFile file;
        do {
            file = SharedFile.granted(newId(), user, name, size, type, clock.instant());
        } while (!store.files().add(file));
        return new FileSlot(file.id(), links().upload(file.id(), name, tokens), links().canonical(file.id(), name));
    }

    /**
     * Starts the upload of a slot's file. The checks come in this order, so that each refusal names the first thing
     * wrong: the token (a stranger learns nothing), a slot used already, its time, the size, the content type.
     * A refusal leaves nothing behind: no bytes on disk, the catalogue entry as it was.
     *
     * @param length the request's Content-Length, -1 if it has none
     * @throws FileException not found (no such slot, or a wrong token), used (conflict), expired, too large (a
     *         length over the slot's size), or invalid (no length, a shorter one, another content type)
     */
    public FileUpload startUpload(String id, String token, long length, String contentType) {
        SharedFile file = store.files().find(id).filter(f -> tokens.isUpload(id, token))
                .orElseThrow(FileSharing::notFound);
        if (directory.uploaded(id)) {
            throw new FileException(FileException.Reason.CONFLICT, "this upload slot was used already");
        }
        if (file.created().plus(settings.slotLifetime()).isBefore(clock.instant())) {
            throw new FileException(FileException.Reason.EXPIRED, "this upload slot has expired");
        }
        if (length < 0) {
            throw new FileException(FileException.Reason.INVALID, "the upload needs a Content-Length, "
                    + file.size() + " bytes");
        }
        if (length > file.size()) {
            throw FileException.overSlot(file.size());
        }
        if (length != file.size()) {
            throw new FileException(FileException.Reason.INVALID, "the upload must have the slot's size, "
                    + file.size() + " bytes");
        }
        if (!file.contentType().equals(contentType == null ? "" : contentType.strip())) {
            throw new FileException(FileException.Reason.INVALID, "the upload must have the slot's content type, "
                    + file.contentType());
        }
        try {
            return FileUpload.start(directory.path(), id, file.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the upload of " + id, e);
        }
    }

    /**
     * A download by the reader the URL was made for, if they may still read the room the file is posted in (or, for
     * a file not posted yet, are its owner); recorded for compliance.
     *
     * @throws FileException not found, whatever the reason, so that file ids are not confirmed to anyone else
     */
    public FileDownload download(String id, String reader, String token) {
        Jid user = Jid.parse(reader == null ? "" : reader).filter(Jid::isBare).filter(j -> tokens.isDownload(id, j, token))
                .orElseThrow(FileSharing::notFound);
        SharedFile file = store.files().find(id).filter(f -> directory.uploaded(id)).orElseThrow(FileSharing::notFound);
        if (file.room().isEmpty()) {
            if (!file.owner().equals(user)) {
                throw notFound();
            }
        } else {
            RoomId roomId = file.room().get();
            Room room = rooms.room(roomId).orElseThrow(FileSharing::notFound);
            if (!rooms.access(user, room).canReadHistory()) {
                throw notFound();
            }
            rooms.compliance().fileDownloaded(user, roomId, describe(file));
        }
        return new FileDownload(directory.file(id), file.size(), file.contentType(), file.name());
    }

    /** The text with every file URL in it made {@code reader}'s own. */
    public String forReader(String text, Jid reader) {
        return links().forReader(text, reader, tokens);
    }

    /** The files the text would post: uploaded by {@code sender}, not posted yet. */
    public List<SharedFile> postable(Jid sender, String text) {
        List<SharedFile> files = new ArrayList<>();
        for (String id : links().fileIds(text)) {
            store.files().find(id).filter(f -> isPostableBy(f, sender)).ifPresent(files::add);
        }
        return files;
    }

    /** Binds the files the text posts to a room that keeps no history (nothing is stored to bind them with). */
    public void postWithoutHistory(RoomId room, Jid sender, String text) {
        if (links().mayMention(text)) {
            store.atomically(() -> {
                bind(room, sender, text, clock.instant(), Optional.empty());
                return null;
            });
        }
    }

    @Override
    public boolean mayPostFiles(List<PostedMessage> messages) {
        return messages.stream().anyMatch(m -> links().mayMention(m.payload()));
    }

    @Override
    public void posted(List<ChatMessage> stored) {
        for (ChatMessage m : stored) {
            bind(m.room(), m.sender(), m.payload(), m.timestamp(), Optional.of(m.stanzaId()));
        }
    }

    private void bind(RoomId room, Jid sender, String text, Instant at, Optional<String> messageId) {
        for (SharedFile file : postable(sender, text)) {
            if (store.files().post(file.id(), room, at)) {
                rooms.compliance().fileUploaded(sender, room, messageId, describe(file));
            }
        }
    }

    private boolean isPostableBy(SharedFile file, Jid sender) {
        return !file.isPosted() && file.owner().equals(sender.toBare()) && directory.uploaded(file.id());
    }

    /**
     * Deletes the files never posted whose slot is older than the unposted lifetime, and partial uploads older than
     * that too (left by a server that stopped mid-upload).
     *
     * @return how many catalogue entries were deleted
     */
    public int sweep() {
        Instant cutoff = clock.instant().minus(settings.unpostedLifetime());
        int deleted = 0;
        List<SharedFile> batch;
        do {
            batch = store.files().unpostedBefore(cutoff, SWEEP_BATCH);
            for (SharedFile file : batch) {
                // The entry goes first, and only if still unposted: a post racing the sweep keeps its file, and a
                // post losing the race finds no file to bind rather than a catalogue entry without bytes.
                if (store.files().deleteUnposted(file.id())) {
                    directory.delete(file.id());
                    deleted++;
                }
            }
        } while (batch.size() == SWEEP_BATCH);
        directory.deletePartialBefore(cutoff);
        return deleted;
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String describe(SharedFile file) {
        return "file=" + file.id() + "; name=" + file.name() + "; size=" + file.size() + "; type="
                + file.contentType();
    }

    private static FileException notFound() {
        return new FileException(FileException.Reason.NOT_FOUND, "no such file");
    }
}
