package org.perch.store.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.perch.core.RoomId;

/**
 * The file catalogue: one entry per upload slot granted. A file belongs to the room it is first posted in, once and
 * for all. Safe to call from several threads at once; {@link #post} inside {@link org.perch.store.Store#atomically}
 * commits, or not, with the message that posts the file.
 */
public interface FileStore {

    /** Adds the entry; false, changing nothing, if its id is taken. */
    boolean add(SharedFile file);

    Optional<SharedFile> find(String id);

    /**
     * Binds a file not yet posted to {@code room}; false, changing nothing, if there is no such file or it is already
     * posted (in whichever room).
     */
    boolean post(String id, RoomId room, Instant at);

    /** Files never posted whose slot was granted before {@code cutoff}, oldest first, at most {@code max}. */
    List<SharedFile> unpostedBefore(Instant cutoff, int max);

    /**
     * Removes the entry if it was never posted; false if there is none, or it has been posted meanwhile (the sweep of
     * unposted files must never take a file a message now points at).
     */
    boolean deleteUnposted(String id);

    /**
     * The key that signs download URLs, the same for every server of a pool: the first key ever offered is kept and
     * returned to every later call, whatever it offers.
     */
    byte[] signingKey(byte[] proposed);
}
