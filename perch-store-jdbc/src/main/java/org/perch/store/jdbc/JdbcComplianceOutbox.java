package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.compliance.ComplianceRoom;
import org.perch.store.compliance.OutboxEntry;

/** The outbox in {@code compliance_outbox}, ordered by its identity column. */
final class JdbcComplianceOutbox implements ComplianceOutbox {

    /** An event's columns, in the order {@link #bind} and {@link #read} use; the compliance database has them too. */
    static final String COLUMNS = "event_id, event_type, at_seconds, at_nanos, actor, room_id, room_address,"
            + " room_name, message_id, content";

    private final Transactor tx;

    JdbcComplianceOutbox(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public void add(List<ComplianceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.write("capture " + events.size() + " compliance events", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO compliance_outbox (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ComplianceEvent e : events) {
                    bind(ps, e);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> oldest(int max) {
        return tx.read("read the compliance outbox", c -> select(c, max));
    }

    @Override
    public void remove(Collection<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // One by one, never as a range: an event with a lower seq may still be uncommitted, so not yet copied.
        // Lost in a crash, the removal is made good by the next move: the copy skips what the database holds.
        tx.writeWithoutBarrier("remove " + entries.size() + " events from the compliance outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM compliance_outbox WHERE seq = ?")) {
                for (OutboxEntry entry : entries) {
                    ps.setLong(1, entry.position());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long size() {
        return tx.read("count the compliance outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM compliance_outbox");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static void bind(PreparedStatement ps, ComplianceEvent e) throws SQLException {
        ps.setObject(1, e.id());
        ps.setString(2, e.type().name());
        ps.setLong(3, e.at().getEpochSecond());
        ps.setInt(4, e.at().getNano());
        ps.setString(5, e.actor().toString());
        if (e.room().isPresent()) {
            ps.setObject(6, e.room().get().id().value());
            ps.setString(7, e.room().get().address());
            ps.setString(8, e.room().get().name());
        } else {
            ps.setNull(6, Types.OTHER);
            ps.setNull(7, Types.VARCHAR);
            ps.setNull(8, Types.VARCHAR);
        }
        if (e.messageId().isPresent()) {
            ps.setString(9, e.messageId().get());
        } else {
            ps.setNull(9, Types.VARCHAR);
        }
        ps.setString(10, e.content());
    }

    /** The columns of {@link #COLUMNS}, read from the result set starting at column {@code first}. */
    static ComplianceEvent read(ResultSet rs, int first) throws SQLException {
        UUID room = rs.getObject(first + 5, UUID.class);
        Optional<ComplianceRoom> where = room == null ? Optional.empty()
                : Optional.of(new ComplianceRoom(new RoomId(room), rs.getString(first + 6), rs.getString(first + 7)));
        return new ComplianceEvent(rs.getObject(first, UUID.class), ComplianceEventType.valueOf(rs.getString(first + 1)),
                Instant.ofEpochSecond(rs.getLong(first + 2), rs.getInt(first + 3)), Jid.of(rs.getString(first + 4)),
                where, Optional.ofNullable(rs.getString(first + 8)), rs.getString(first + 9));
    }

    private static List<OutboxEntry> select(Connection c, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, " + COLUMNS + " FROM compliance_outbox"
                + " ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, max);
            List<OutboxEntry> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new OutboxEntry(rs.getLong(1), read(rs, 2)));
                }
            }
            return events;
        }
    }
}
