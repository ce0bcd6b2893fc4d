package org.perch.domain.files;

import java.util.Objects;

/** A file operation was refused; {@link #getMessage()} says why in words fit for the user. */
public final class FileException extends RuntimeException {

    public enum Reason {
        /** Larger than MaxFileSizeKB allows, or than its slot: {@link #maxBytes()} says how large it may be. */
        TOO_LARGE,
        /** The user may not post files (no room whose category allows them), or not in this room. */
        NOT_ALLOWED,
        /** The request does not match its slot, or is malformed. */
        INVALID,
        /** No such file, or one the requester may not read: the two are not told apart. */
        NOT_FOUND,
        /** The slot was used already, or its upload is under way. */
        CONFLICT,
        /** The slot's time ran out. */
        EXPIRED
    }

    private final Reason reason;
    private final long maxBytes;

    public FileException(Reason reason, String message) {
        this(reason, message, -1);
    }

    private FileException(Reason reason, String message, long maxBytes) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.maxBytes = maxBytes;
    }

    public static FileException tooLarge(long maxBytes) {
        return new FileException(Reason.TOO_LARGE, "the file is larger than the " + maxBytes + " bytes allowed",
                maxBytes);
    }

    /** An upload with more bytes than its slot was granted for. */
    public static FileException overSlot(long slotBytes) {
        return new FileException(Reason.TOO_LARGE, "the upload is larger than its slot's " + slotBytes + " bytes",
                slotBytes);
    }

    public Reason reason() {
        return reason;
    }

    /** The largest file allowed (by MaxFileSizeKB or by the slot), for {@link Reason#TOO_LARGE}; -1 otherwise. */
    public long maxBytes() {
        return maxBytes;
    }
}
