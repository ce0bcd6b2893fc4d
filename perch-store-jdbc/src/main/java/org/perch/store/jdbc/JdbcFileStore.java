package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.files.FileStore;
import org.perch.store.files.SharedFile;

/** The file catalogue in {@code chat_file}, and the URL signing key in {@code chat_file_key}. */
final class JdbcFileStore implements FileStore {

    private static final String SELECT = "SELECT id, owner, name, size_bytes, content_type, created_seconds, created_nanos,"
            + " room, posted_seconds, posted_nanos FROM chat_file";

    private final Transactor tx;

    JdbcFileStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(SharedFile file) {
        return tx.write("add file " + file.id(), c -> {
            if (!select(c, " WHERE id = ?", file.id()).isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_file (id, owner, name, size_bytes, content_type,"
                    + " created_seconds, created_nanos) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, file.id());
                ps.setString(2, file.owner().toString());
                ps.setString(3, file.name());
                ps.setLong(4, file.size());
                ps.setString(5, file.contentType());
                ps.setLong(6, file.created().getEpochSecond());
                ps.setInt(7, file.created().getNano());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<SharedFile> find(String id) {
        return tx.read("find file " + id, c -> select(c, " WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public boolean post(String id, RoomId room, Instant at) {
        return tx.write("post file " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chat_file SET room = ?, posted_seconds = ?,"
                    + " posted_nanos = ? WHERE id = ? AND room IS NULL")) {
                ps.setObject(1, room.value());
                ps.setLong(2, at.getEpochSecond());
                ps.setInt(3, at.getNano());
                ps.setString(4, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<SharedFile> unpostedBefore(Instant cutoff, int max) {
        return tx.read("list unposted files", c -> {
            // Seconds first through the index; the nanoseconds of the cutoff's own second are filtered here.
            List<SharedFile> found = select(c, " WHERE room IS NULL AND created_seconds <= ?"
                    + " ORDER BY created_seconds, created_nanos FETCH FIRST ? ROWS ONLY", cutoff.getEpochSecond(), max);
            return found.stream().filter(f -> f.created().isBefore(cutoff)).toList();
        });
    }

    @Override
    public boolean deleteUnposted(String id) {
        return tx.write("delete unposted file " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_file WHERE id = ? AND room IS NULL")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public byte[] signingKey(byte[] proposed) {
        // Of two servers proposing at once, the loser hits the primary key and its retry reads the winner's key.
        String stored = tx.writeRedacted("read the file signing key", c -> {
            Optional<String> existing = key(c);
            if (existing.isPresent()) {
                return existing.get();
            }
            String encoded = Base64.getEncoder().encodeToString(proposed);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_file_key (id, key_text) VALUES (1, ?)")) {
                ps.setString(1, encoded);
                ps.executeUpdate();
            }
            return encoded;
        });
        return Base64.getDecoder().decode(stored);
    }

    private static Optional<String> key(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key_text FROM chat_file_key WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static List<SharedFile> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<SharedFile> files = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(read(rs));
                }
            }
            return files;
        }
    }

    private static SharedFile read(ResultSet rs) throws SQLException {
        UUID room = rs.getObject(8, UUID.class);
        Optional<Instant> posted = room == null ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(rs.getLong(9), rs.getInt(10)));
        return new SharedFile(rs.getString(1), Jid.of(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getString(5), Instant.ofEpochSecond(rs.getLong(6), rs.getInt(7)),
                Optional.ofNullable(room).map(RoomId::new), posted);
    }
}
