package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.StoreException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryPage;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Retraction;
import org.perch.store.chat.UnreadCount;

/**
 * Room history in the {@code chat_message} table, ids from the {@code chat_message_seq} counter row.
 *
 * <p>Why a counter row and not a database sequence: a sequence hands out ids when they are asked for, not when
 * they commit, so a slow append could commit id 5 after a quick one committed id 6, and a client that had read
 * up to 6 would never page back to 5. The counter's row lock makes each append wait for the one before to
 * commit, so ids increase in commit order. The price is that appends are serialised, each holding the lock for
 * one batch insert; a per-room counter would lift that, but ids would then no longer increase across the rooms
 * of one batch as {@link HistoryStore#append} promises. The SQL is the same on H2 and PostgreSQL.
 */
final class JdbcHistoryStore implements HistoryStore {

    private static final String COLUMNS = "SELECT m.id, m.stanza_id, m.ts, m.sender, m.nick, m.body, m.payload,"
            + " m.retracted_at, m.retracted_by, m.moderated, m.retraction_reason, m.room FROM chat_message m";
    private static final CounterRow IDS = new CounterRow("chat_message_seq", "last_id");
    /** SQLStates of a missing parent row: PostgreSQL (and the standard), H2. */
    private static final Set<String> MISSING_ROOM = Set.of("23503", "23506");

    private final Transactor tx;

    JdbcHistoryStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public List<ChatMessage> append(List<PostedMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Set<RoomId> rooms = new LinkedHashSet<>();
        Set<List<Object>> keys = new HashSet<>();
        for (PostedMessage m : messages) {
            rooms.add(m.room());
            if (!keys.add(List.of(m.room(), m.stanzaId()))) {
                throw new StoreException("could not append to room " + m.room() + ": stanza-id " + m.stanzaId()
                        + " is in the batch twice");
            }
        }
        String operation = "append " + messages.size() + " messages to room " + String.join(", ",
                rooms.stream().map(RoomId::toString).toList());
        return tx.write(operation, c -> {
            long id = IDS.take(c, messages.size());
            List<ChatMessage> stored = new ArrayList<>(messages.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_message"
                    + " (room, id, stanza_id, ts, sender, nick, body, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PostedMessage m : messages) {
                    ChatMessage message = new ChatMessage(id++, m.room(), m.stanzaId(), micros(m.timestamp()),
                            m.sender(), m.nick(), m.body(), m.payload(), Optional.empty());
                    ps.setObject(1, m.room().value());
                    ps.setLong(2, message.id());
                    ps.setString(3, message.stanzaId());
                    ps.setObject(4, utc(message.timestamp()));
                    ps.setString(5, message.sender().toString());
                    ps.setString(6, message.nick());
                    ps.setString(7, message.body());
                    ps.setString(8, message.payload());
                    ps.addBatch();
                    stored.add(message);
                }
                ps.executeBatch();
            } catch (SQLException e) {
                failIfRefused(operation, e);
                throw e;
            }
            return stored;
        });
    }

    @Override
    public Optional<HistoryPage> query(HistoryQuery query) {
        return tx.read("read history of room " + query.room(), c -> {
            Map<String, Long> anchors = anchorIds(c, query);
            Optional<Long> after = query.after().map(anchors::get);
            Optional<Long> before = query.before().map(anchors::get);
            if (query.after().isPresent() && after.isEmpty() || query.before().isPresent() && before.isEmpty()) {
                return Optional.empty();
            }
            List<ChatMessage> rows = select(c, query, after, before);
            boolean complete = rows.size() <= query.max();
            List<ChatMessage> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), query.max())));
            if (query.fromEnd()) {
                Collections.reverse(page);
            }
            return Optional.of(new HistoryPage(page, complete));
        });
    }

    @Override
    public Optional<ChatMessage> find(RoomId room, String stanzaId) {
        return tx.read("find message " + stanzaId + " of room " + room, c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE m.room = ? AND m.stanza_id = ?")) {
                ps.setObject(1, room.value());
                ps.setString(2, stanzaId);
                return read(ps).stream().findFirst();
            }
        });
    }

    /**
     * Three reads along the room's keys: the marker by (stanza_id, room), then the newest ids by (room, id), so the
     * count never reads more than {@code max + 1} rows whatever the room's size.
     */
    @Override
    public Optional<UnreadCount> countAfter(RoomId room, Optional<String> afterStanzaId, int max) {
        return tx.read("count messages of room " + room, c -> {
            long after = Long.MIN_VALUE;
            if (afterStanzaId.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM chat_message WHERE room = ? AND stanza_id = ?")) {
                    ps.setObject(1, room.value());
                    ps.setString(2, afterStanzaId.get());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<UnreadCount>empty();
                        }
                        after = rs.getLong(1);
                    }
                }
            }
            int counted = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT retracted_at FROM chat_message"
                    + " WHERE room = ? AND id > ? ORDER BY room DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setObject(1, room.value());
                ps.setLong(2, after);
                ps.setInt(3, max + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getObject(1) == null) {
                            counted++;
                        }
                    }
                }
            }
            Optional<String> newest = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT stanza_id FROM chat_message WHERE room = ?"
                    + " ORDER BY room DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setObject(1, room.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        newest = Optional.of(rs.getString(1));
                    }
                }
            }
            return Optional.of(new UnreadCount(Math.min(counted, max), counted > max, newest));
        });
    }

    @Override
    public List<ChatMessage> since(long afterId, int max) {
        return tx.read("read history after message " + afterId, c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE m.id > ? ORDER BY m.id"
                    + " FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, afterId);
                ps.setInt(2, max);
                return read(ps);
            }
        });
    }

    @Override
    public long lastId() {
        return tx.read("read the newest message id", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM chat_message");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<String> purge(RoomId room, Instant onOrBefore) {
        return tx.write("clear the history of room " + room + " up to " + onOrBefore, c -> {
            List<String> purged = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT stanza_id FROM chat_message WHERE room = ? AND ts <= ?")) {
                ps.setObject(1, room.value());
                ps.setObject(2, utc(onOrBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        purged.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_message WHERE room = ? AND ts <= ?")) {
                ps.setObject(1, room.value());
                ps.setObject(2, utc(onOrBefore));
                ps.executeUpdate();
            }
            return purged;
        });
    }

    @Override
    public int delete(RoomId room, List<String> stanzaIds) {
        return tx.write("delete " + stanzaIds.size() + " messages of room " + room, c -> {
            int deleted = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM chat_message WHERE room = ? AND stanza_id = ?")) {
                for (String id : stanzaIds) {
                    ps.setObject(1, room.value());
                    ps.setString(2, id);
                    deleted += ps.executeUpdate();
                }
            }
            return deleted;
        });
    }

    /** OCTET_LENGTH is the standard's byte count: UTF-8 on H2 and on a PostgreSQL database in UTF8. */
    @Override
    public Map<RoomId, Long> contentSizes() {
        return tx.read("measure every room's history", c -> {
            Map<RoomId, Long> sizes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT room, SUM(CAST(OCTET_LENGTH(body) AS BIGINT)"
                    + " + OCTET_LENGTH(payload)) FROM chat_message GROUP BY room");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(new RoomId(rs.getObject(1, java.util.UUID.class)), rs.getLong(2));
                }
            }
            return sizes;
        });
    }

    @Override
    public boolean retract(RoomId room, String stanzaId, Retraction retraction) {
        return tx.write("retract message " + stanzaId + " of room " + room, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chat_message SET body = '', payload = '',"
                    + " retracted_at = ?, retracted_by = ?, moderated = ?, retraction_reason = ?"
                    + " WHERE room = ? AND stanza_id = ?")) {
                ps.setObject(1, utc(micros(retraction.at())));
                ps.setString(2, retraction.by().toString());
                ps.setBoolean(3, retraction.moderated());
                ps.setString(4, retraction.reason());
                ps.setObject(5, room.value());
                ps.setString(6, stanzaId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * A used stanza-id or a missing room is the caller's mistake, not a conflict: failing at once spares the
     * transactor's retries (which it would make for a unique violation) and names the cause.
     */
    private static void failIfRefused(String operation, SQLException e) {
        if ("23505".equals(e.getSQLState())) {
            throw new StoreException("could not " + operation + ": a stanza-id is already used in its room", e);
        }
        if (MISSING_ROOM.contains(e.getSQLState())) {
            throw new StoreException("could not " + operation + ": there is no such room", e);
        }
    }

    /** The ids of the query's {@code after} and {@code before} messages that the room has, by stanza-id. */
    private static Map<String, Long> anchorIds(Connection c, HistoryQuery query) throws SQLException {
        Set<String> anchors = new HashSet<>();
        query.after().ifPresent(anchors::add);
        query.before().ifPresent(anchors::add);
        Map<String, Long> ids = new HashMap<>();
        if (anchors.isEmpty()) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM chat_message WHERE room = ? AND stanza_id = ?")) {
            for (String anchor : anchors) {
                ps.setObject(1, query.room().value());
                ps.setString(2, anchor);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ids.put(anchor, rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * One SELECT for one row more than the page holds: whether that row came back says whether the page is
     * complete. The phrasing keeps H2 on the primary key (room, id), reading from the anchor in the page's
     * direction and stopping after those rows (PostgreSQL finds that plan either way): ORDER BY names the room
     * (fixed, so the order is the same) to match the key; NULLS LAST (the columns are NOT NULL) on the ascending
     * order is what lets H2 start at the lower bound instead of at the room's first message; and an ids filter
     * replaces the room condition by (stanza_id, room) pairs, which H2 looks up in their unique index.
     */
    private static List<ChatMessage> select(Connection c, HistoryQuery query, Optional<Long> after,
                                            Optional<Long> before) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> params = new ArrayList<>();
        if (query.ids().isEmpty()) {
            bound(sql, params, " WHERE m.room = ?", query.room().value());
        } else {
            sql.append(" WHERE (m.stanza_id, m.room) IN (")
                    .append(String.join(", ", Collections.nCopies(query.ids().size(), "(?, ?)"))).append(')');
            for (String id : query.ids()) {
                params.add(id);
                params.add(query.room().value());
            }
        }
        after.ifPresent(id -> bound(sql, params, " AND m.id > ?", id));
        before.ifPresent(id -> bound(sql, params, " AND m.id < ?", id));
        query.start().ifPresent(t -> bound(sql, params, " AND m.ts >= ?", utc(t)));
        query.end().ifPresent(t -> bound(sql, params, " AND m.ts <= ?", utc(t)));
        query.with().ifPresent(j -> bound(sql, params, " AND m.sender = ?", j.toString()));
        sql.append(query.fromEnd() ? " ORDER BY m.room DESC, m.id DESC"
                : " ORDER BY m.room NULLS LAST, m.id NULLS LAST").append(" FETCH FIRST ? ROWS ONLY");
        params.add(query.max() + 1L);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return read(ps);
        }
    }

    private static void bound(StringBuilder sql, List<Object> params, String condition, Object value) {
        sql.append(condition);
        params.add(value);
    }

    private static List<ChatMessage> read(PreparedStatement ps) throws SQLException {
        List<ChatMessage> messages = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime retractedAt = rs.getObject(8, OffsetDateTime.class);
                Optional<Retraction> retraction = retractedAt == null ? Optional.empty()
                        : Optional.of(new Retraction(retractedAt.toInstant(), Jid.of(rs.getString(9)),
                                rs.getBoolean(10), rs.getString(11)));
                messages.add(new ChatMessage(rs.getLong(1), new RoomId(rs.getObject(12, java.util.UUID.class)),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), Jid.of(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), retraction));
            }
        }
        return messages;
    }

    /** The columns keep microseconds; what append returns must be what a later read gives back. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
