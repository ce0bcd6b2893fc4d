package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.feeds.FeedEntry;
import org.perch.store.feeds.NewFeedEntry;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.feeds.TopicFilter;

/**
 * Topic feeds in {@code topic_filter}, {@code feed_entry} and {@code feed_match} (V15). Entry ids come from the
 * {@code feed_entry_seq} counter row, taken first in every append: its lock runs appends one at a time, so each
 * one's duplicate check sees every entry committed before it (the unique key backs that up).
 */
final class JdbcTopicFeedStore implements TopicFeedStore {

    private static final CounterRow IDS = new CounterRow("feed_entry_seq", "last_id");
    private static final String FILTERS = "SELECT filter_id, owner, name, keywords, phrases, senders, rooms, alert"
            + " FROM topic_filter";
    private static final String ENTRIES = "SELECT entry_id, owner, room_id, stanza_id, message_id, at_seconds,"
            + " at_nanos, filters FROM feed_entry WHERE owner = ?";

    private final Transactor tx;

    JdbcTopicFeedStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public List<TopicFilter> filters(Jid owner) {
        return tx.read("list topic filters of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement(FILTERS + " WHERE owner = ? ORDER BY position")) {
                ps.setString(1, owner.toString());
                return readFilters(ps);
            }
        });
    }

    @Override
    public List<TopicFilter> allFilters() {
        return tx.read("list every topic filter", c -> {
            try (PreparedStatement ps = c.prepareStatement(FILTERS + " ORDER BY owner, position")) {
                return readFilters(ps);
            }
        });
    }

    /**
     * Updates the filter's row in place, which keeps its position, or inserts it after the owner's last. Two first
     * saves racing for one position (or one id) fail one INSERT on the unique key; the transactor retries it, and
     * the retry sees the winner's row.
     */
    @Override
    public void saveFilter(TopicFilter filter) {
        tx.write("save topic filter " + filter.id() + " of " + filter.owner(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE topic_filter SET name = ?, keywords = ?,"
                    + " phrases = ?, senders = ?, rooms = ?, alert = ? WHERE owner = ? AND filter_id = ?")) {
                if (bindFilter(ps, filter).executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO topic_filter (name, keywords, phrases,"
                    + " senders, rooms, alert, owner, filter_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " (SELECT COALESCE(MAX(position), 0) + 1 FROM topic_filter WHERE owner = ?))")) {
                bindFilter(ps, filter).setString(9, filter.owner().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean deleteFilter(Jid owner, String id) {
        return tx.write("delete topic filter " + id + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM topic_filter WHERE owner = ? AND filter_id = ?")) {
                ps.setString(1, owner.toString());
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Takes an id for every entry given before looking for duplicates, as taking them is what serialises appends;
     * a skipped duplicate leaves its id unused, so ids grow but may skip.
     */
    @Override
    public List<FeedEntry> append(List<NewFeedEntry> entries, int keepPerOwner, String server, long matchedThrough) {
        return tx.write("append " + entries.size() + " topic feed entries", c -> {
            if (entries.isEmpty()) {
                // Most pages of history match nothing: record the position without queueing on the id counter.
                recordMatched(c, server, matchedThrough);
                return List.<FeedEntry>of();
            }
            long next = IDS.take(c, entries.size());
            List<FeedEntry> added = new ArrayList<>();
            Set<MessageKey> seen = present(c, entries);
            for (NewFeedEntry e : entries) {
                if (seen.add(new MessageKey(e.owner(), e.room(), e.stanzaId()))) {
                    added.add(FeedEntry.of(next++, e));
                }
            }
            insert(c, added);
            Set<Jid> owners = new LinkedHashSet<>();
            entries.forEach(e -> owners.add(e.owner()));
            for (Jid owner : owners) {
                trim(c, owner, keepPerOwner);
            }
            recordMatched(c, server, matchedThrough);
            return added;
        });
    }

    @Override
    public List<FeedEntry> entries(Jid owner, OptionalLong before, int max) {
        return tx.read("read the topic feed of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement(ENTRIES + (before.isPresent() ? " AND entry_id < ?" : "")
                    + " ORDER BY entry_id DESC FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                ps.setString(i++, owner.toString());
                if (before.isPresent()) {
                    ps.setLong(i++, before.getAsLong());
                }
                ps.setInt(i, max);
                return readEntries(ps);
            }
        });
    }

    @Override
    public OptionalLong matchedThrough(String server) {
        return tx.read("read how far " + server + " has matched topic feeds", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT matched_through FROM feed_match WHERE server = ?")) {
                ps.setString(1, server);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** An owner's one entry per message, as the unique key (owner, room_id, stanza_id) has it. */
    private record MessageKey(Jid owner, RoomId room, String stanzaId) {
    }

    /**
     * Which of the entries' messages their owners have in their feeds already: one query per owner, not per entry
     * (a page of history can make thousands of entries for a few owners), over the range of the entries' history
     * ids, which a message keeps whichever server matched it. Comparing ids is what keeps this cheap: an owner's
     * feed is bounded, and a range of numbers costs a comparison per row where a list of stanza-ids costs one per
     * stanza-id.
     */
    private static Set<MessageKey> present(Connection c, List<NewFeedEntry> entries) throws SQLException {
        Map<Jid, long[]> ranges = new LinkedHashMap<>();
        for (NewFeedEntry e : entries) {
            long[] range = ranges.computeIfAbsent(e.owner(), o -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            range[0] = Math.min(range[0], e.messageId());
            range[1] = Math.max(range[1], e.messageId());
        }
        Set<MessageKey> present = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT room_id, stanza_id FROM feed_entry"
                + " WHERE owner = ? AND message_id BETWEEN ? AND ?")) {
            for (Map.Entry<Jid, long[]> owner : ranges.entrySet()) {
                ps.setString(1, owner.getKey().toString());
                ps.setLong(2, owner.getValue()[0]);
                ps.setLong(3, owner.getValue()[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(new MessageKey(owner.getKey(), new RoomId(rs.getObject(1, UUID.class)),
                                rs.getString(2)));
                    }
                }
            }
        }
        return present;
    }

    private static void insert(Connection c, List<FeedEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_entry (owner, entry_id, room_id, stanza_id,"
                + " message_id, at_seconds, at_nanos, filters) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FeedEntry e : entries) {
                ps.setString(1, e.owner().toString());
                ps.setLong(2, e.id());
                ps.setObject(3, e.room().value());
                ps.setString(4, e.stanzaId());
                ps.setLong(5, e.messageId());
                ps.setLong(6, e.at().getEpochSecond());
                ps.setInt(7, e.at().getNano());
                ps.setString(8, TextListColumn.encode(e.filters()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Deletes the owner's entries from the {@code keep + 1}-th newest down, in one statement. With fewer entries
     * than that the subquery finds no row, and comparing with its NULL deletes nothing.
     */
    private static void trim(Connection c, Jid owner, int keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed_entry WHERE owner = ? AND entry_id <="
                + " (SELECT entry_id FROM feed_entry WHERE owner = ? ORDER BY entry_id DESC"
                + " OFFSET ? ROWS FETCH FIRST 1 ROW ONLY)")) {
            ps.setString(1, owner.toString());
            ps.setString(2, owner.toString());
            ps.setInt(3, keep);
            ps.executeUpdate();
        }
    }

    /** Raises the server's mark to {@code through}, never lowering it: a late, smaller value changes nothing. */
    private static void recordMatched(Connection c, String server, long through) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_match SET matched_through = ?"
                + " WHERE server = ? AND matched_through < ?")) {
            ps.setLong(1, through);
            ps.setString(2, server);
            ps.setLong(3, through);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT server FROM feed_match WHERE server = ?")) {
            ps.setString(1, server);
            if (Jdbc.exists(ps)) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO feed_match (server, matched_through) VALUES (?, ?)")) {
            ps.setString(1, server);
            ps.setLong(2, through);
            ps.executeUpdate();
        }
    }

    /** Binds the filter's columns in the order the UPDATE and the INSERT share: values, then owner and id. */
    private static PreparedStatement bindFilter(PreparedStatement ps, TopicFilter f) throws SQLException {
        ps.setString(1, f.name());
        ps.setString(2, TextListColumn.encode(f.keywords()));
        ps.setString(3, TextListColumn.encode(f.phrases()));
        ps.setString(4, TextListColumn.encode(f.senders().stream().map(Jid::toString).toList()));
        ps.setString(5, TextListColumn.encode(f.rooms().stream().map(RoomId::toString).toList()));
        ps.setBoolean(6, f.alert());
        ps.setString(7, f.owner().toString());
        ps.setString(8, f.id());
        return ps;
    }

    private static List<TopicFilter> readFilters(PreparedStatement ps) throws SQLException {
        List<TopicFilter> filters = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                filters.add(new TopicFilter(rs.getString(1), Jid.of(rs.getString(2)), rs.getString(3),
                        TextListColumn.decode(rs.getString(4)), TextListColumn.decode(rs.getString(5)),
                        TextListColumn.decode(rs.getString(6)).stream().map(Jid::of).toList(),
                        TextListColumn.decode(rs.getString(7)).stream().map(RoomId::of).toList(),
                        rs.getBoolean(8)));
            }
        }
        return filters;
    }

    private static List<FeedEntry> readEntries(PreparedStatement ps) throws SQLException {
        List<FeedEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new FeedEntry(rs.getLong(1), Jid.of(rs.getString(2)),
                        new RoomId(rs.getObject(3, UUID.class)), rs.getString(4), rs.getLong(5),
                        Instant.ofEpochSecond(rs.getLong(6), rs.getInt(7)),
                        TextListColumn.decode(rs.getString(8))));
            }
        }
        return entries;
    }
}
