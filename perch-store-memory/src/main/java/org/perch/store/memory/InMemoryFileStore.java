package org.perch.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.RoomId;
import org.perch.store.files.FileStore;
import org.perch.store.files.SharedFile;

/** The file catalogue in a map guarded by this store's monitor, so a file is checked and posted in one step. */
final class InMemoryFileStore implements FileStore {

    private final Map<String, SharedFile> files = new HashMap<>();
    private byte[] signingKey;

    @Override
    public synchronized boolean add(SharedFile file) {
        return files.putIfAbsent(file.id(), file) == null;
    }

    @Override
    public synchronized Optional<SharedFile> find(String id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public synchronized boolean post(String id, RoomId room, Instant at) {
        SharedFile file = files.get(id);
        if (file == null || file.isPosted()) {
            return false;
        }
        files.put(id, file.postedIn(room, at));
        return true;
    }

    @Override
    public synchronized List<SharedFile> unpostedBefore(Instant cutoff, int max) {
        return files.values().stream().filter(f -> !f.isPosted() && f.created().isBefore(cutoff))
                .sorted(Comparator.comparing(SharedFile::created)).limit(max).toList();
    }

    @Override
    public synchronized boolean deleteUnposted(String id) {
        SharedFile file = files.get(id);
        return file != null && !file.isPosted() && files.remove(id) != null;
    }

    @Override
    public synchronized byte[] signingKey(byte[] proposed) {
        if (signingKey == null) {
            signingKey = proposed.clone();
        }
        return signingKey.clone();
    }
}
