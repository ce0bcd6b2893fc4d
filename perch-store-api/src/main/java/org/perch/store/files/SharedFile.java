package org.perch.store.files;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * One file in the catalogue: granted an upload slot, then (once its bytes are in) posted in the room it belongs to.
 * The bytes live in the file store directory under {@code id} alone; {@code name} is only ever shown.
 *
 * @param id random, URL-safe; the file's name on disk
 * @param owner who asked for the slot, as a bare JID
 * @param name the display name, already sanitised
 * @param size the exact size in bytes the upload must have
 * @param contentType the exact media type the upload must declare
 * @param created when the slot was granted
 * @param room the room the file was first posted in; empty until then
 * @param posted when that was; present exactly when {@code room} is
 */
public record SharedFile(String id, Jid owner, String name, long size, String contentType, Instant created,
                         Optional<RoomId> room, Optional<Instant> posted) {

    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_CONTENT_TYPE_LENGTH = 255;

    public SharedFile {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a file id has 1 to " + MAX_ID_LENGTH + " characters");
        }
        owner = Objects.requireNonNull(owner, "owner").toBare();
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a file name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Objects.requireNonNull(contentType, "contentType");
        if (contentType.isEmpty() || contentType.length() > MAX_CONTENT_TYPE_LENGTH) {
            throw new IllegalArgumentException("a content type has 1 to " + MAX_CONTENT_TYPE_LENGTH + " characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a file size is not negative");
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(posted, "posted");
        if (room.isPresent() != posted.isPresent()) {
            throw new IllegalArgumentException("a posted file has both a room and a time of posting");
        }
    }

    /** A file whose slot was just granted: not posted anywhere yet. */
    public static SharedFile granted(String id, Jid owner, String name, long size, String contentType,
                                     Instant created) {
        return new SharedFile(id, owner, name, size, contentType, created, Optional.empty(), Optional.empty());
    }

    public boolean isPosted() {
        return room.isPresent();
    }

    /** This file, posted in {@code in} at {@code at}. */
    public SharedFile postedIn(RoomId in, Instant at) {
        return new SharedFile(id, owner, name, size, contentType, created, Optional.of(in), Optional.of(at));
    }
}
