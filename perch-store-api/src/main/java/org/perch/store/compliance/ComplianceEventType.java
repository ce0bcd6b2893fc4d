package org.perch.store.compliance;

/**
 * What a compliance event records. The first six are Lync's compliance message types (spec §10.5: JOIN, PART,
 * CHAT, BACKCHAT, FILEUPLOAD, FILEDOWNLOAD); the two removals are its database event types 10 and 11; the rest
 * record administration, which Lync's compliance service did not.
 */
public enum ComplianceEventType {
    /** A user entered a room. */
    JOIN,
    /** A user left a room, or was taken out of it. */
    PART,
    /** A message was posted; {@code content} is its text, {@code messageId} its stanza-id. */
    CHAT,
    /** A user read a room's history (join history, an archive query or a search); {@code content} says which. */
    BACKCHAT,
    FILE_UPLOAD,
    FILE_DOWNLOAD,
    /** A message was retracted, moderated or replaced (Lync type 10); {@code content} is the reason or text left. */
    CHAT_REMOVED,
    /** Messages were deleted outright: a room cleared, or removed with -Remove (Lync type 11). */
    CHAT_PURGED,
    ROOM_CREATED,
    /** A room's name, description, settings or category changed; {@code content} describes the change. */
    ROOM_CHANGED,
    /** A room's members, managers or presenters changed; {@code content} lists the roles after the change. */
    ROLES_CHANGED,
    ROOM_DELETED,
    CATEGORY_CREATED,
    CATEGORY_CHANGED,
    CATEGORY_DELETED
}
