package org.perch.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.RoomId;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.perch.store.cluster.PoolFeed;

/**
 * The feed in {@code pool_event}, positions from the {@code pool_feed_seq} counter row (see {@link CounterRow}):
 * appends from every server of the pool are serialised on that row, so positions grow in commit order.
 */
final class JdbcPoolFeed implements PoolFeed {

    private static final CounterRow POSITIONS = new CounterRow("pool_feed_seq", "last_position");
    private static final String COLUMNS = "position, origin, room, kind, subject, payload, at_seconds, at_nanos";

    private final Transactor tx;
    private final FeedWakeUp wakeUp;

    JdbcPoolFeed(Transactor tx, FeedWakeUp wakeUp) {
        this.tx = tx;
        this.wakeUp = wakeUp;
    }

    @Override
    public List<PoolEvent> append(List<NewPoolEvent> written) {
        if (written.isEmpty()) {
            return List.of();
        }
        List<PoolEvent> stored = tx.write("append " + written.size() + " events to the pool feed", c -> {
            long position = POSITIONS.take(c, written.size());
            List<PoolEvent> positioned = new ArrayList<>(written.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_event (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewPoolEvent event : written) {
                    PoolEvent e = event.at(position++);
                    bind(ps, e);
                    ps.addBatch();
                    positioned.add(e);
                }
                ps.executeBatch();
            }
            wakeUp.announce(c);
            return positioned;
        });
        tx.afterCommit(wakeUp::committed);
        return stored;
    }

    @Override
    public List<PoolEvent> after(long after, int max) {
        PoolFeed.requirePage(after, max);
        return tx.read("read the pool feed after position " + after, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pool_event WHERE position > ?"
                    + " ORDER BY position FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, after);
                ps.setInt(2, max);
                List<PoolEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(read(rs));
                    }
                }
                return events;
            }
        });
    }

    @Override
    public long lastPosition() {
        return tx.read("read the last position of the pool feed", POSITIONS::last);
    }

    @Override
    public long pruneBefore(Instant before) {
        return tx.write("remove the pool feed's events written before " + before, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pool_event WHERE at_seconds < ?"
                    + " OR (at_seconds = ? AND at_nanos < ?)")) {
                ps.setLong(1, before.getEpochSecond());
                ps.setLong(2, before.getEpochSecond());
                ps.setInt(3, before.getNano());
                return (long) ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, PoolEvent e) throws SQLException {
        ps.setLong(1, e.position());
        ps.setString(2, e.origin());
        if (e.room().isPresent()) {
            ps.setObject(3, e.room().get().value());
        } else {
            ps.setNull(3, Types.OTHER);
        }
        ps.setString(4, e.kind().name());
        ps.setString(5, e.subject());
        ps.setString(6, e.payload());
        ps.setLong(7, e.at().getEpochSecond());
        ps.setInt(8, e.at().getNano());
    }

    private static PoolEvent read(ResultSet rs) throws SQLException {
        UUID room = rs.getObject(3, UUID.class);
        return new PoolEvent(rs.getLong(1), rs.getString(2), Optional.ofNullable(room).map(RoomId::new),
                PoolEventKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                Instant.ofEpochSecond(rs.getLong(7), rs.getInt(8)));
    }
}
