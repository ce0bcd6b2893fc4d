package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.perch.store.StoreException;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.compliance.ExportState;
import org.perch.store.compliance.PlannedBatch;
import org.perch.store.compliance.RecordedEvent;

/** The compliance database over JDBC: its own schema ({@code db/compliance}), its own data source. */
public final class JdbcComplianceRecord implements ComplianceRecord {

    /** Where its Flyway migrations live; apart from the chat store's, as the database is. */
    public static final String MIGRATIONS = "classpath:db/compliance";

    private final Transactor tx;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcComplianceRecord(DataSource dataSource, Runnable onClose, CommitBarrier barrier) {
        this.tx = new Transactor(dataSource, barrier);
        this.onClose = onClose;
    }

    /**
     * Migrates the database behind {@code dataSource} to the compliance schema and returns the record over it;
     * {@code onClose} runs on the first {@link #close()}, {@code barrier} after every write's commit.
     */
    public static JdbcComplianceRecord open(DataSource dataSource, Runnable onClose, CommitBarrier barrier) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            Flyway.configure(JdbcComplianceRecord.class.getClassLoader()).dataSource(dataSource)
                    .locations(MIGRATIONS).failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("could not migrate the compliance database's schema", e);
        }
        return new JdbcComplianceRecord(dataSource, Objects.requireNonNull(onClose, "onClose"),
                Objects.requireNonNull(barrier, "barrier"));
    }

    @Override
    public int copy(List<ComplianceEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        // INSERT … SELECT … WHERE NOT EXISTS: one statement both databases read alike, skipping a held event.
        return tx.write("copy " + events.size() + " events into the compliance database", c -> {
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO compliance_event ("
                    + JdbcComplianceOutbox.COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) one"
                    + " WHERE NOT EXISTS (SELECT 1 FROM compliance_event WHERE event_id = ?)")) {
                for (ComplianceEvent e : events) {
                    JdbcComplianceOutbox.bind(ps, e);
                    ps.setObject(11, e.id());
                    ps.addBatch();
                }
                for (int count : ps.executeBatch()) {
                    added += Math.max(count, 0); // a driver that answers SUCCESS_NO_INFO counts as none
                }
            }
            return added;
        });
    }

    @Override
    public List<RecordedEvent> after(long sequence, int max) {
        return tx.read("read the compliance database", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, " + JdbcComplianceOutbox.COLUMNS
                    + " FROM compliance_event WHERE sequence > ? ORDER BY sequence FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, sequence);
                ps.setInt(2, max);
                List<RecordedEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new RecordedEvent(rs.getLong(1), JdbcComplianceOutbox.read(rs, 2)));
                    }
                }
                return events;
            }
        });
    }

    @Override
    public long lastSequence() {
        return tx.read("read the last compliance sequence", c -> single(c,
                "SELECT COALESCE(MAX(sequence), 0) FROM compliance_event"));
    }

    @Override
    public ExportState exportState() {
        return tx.read("read the compliance export's state", c -> {
            Optional<PlannedBatch> pending = batch(c, "WHERE done = FALSE");
            Optional<PlannedBatch> last = batch(c, "WHERE done = TRUE ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
            Map<String, String> heads = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT chain_key, last_hash FROM compliance_chain");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), rs.getString(2));
                }
            }
            return new ExportState(last.map(PlannedBatch::id).orElse(0L),
                    last.map(PlannedBatch::lastSequence).orElse(0L), last.map(PlannedBatch::end), heads, pending);
        });
    }

    @Override
    public void plan(PlannedBatch batch) {
        tx.write("plan compliance batch " + batch.id(), c -> {
            if (batch(c, "WHERE done = FALSE").isPresent()) {
                throw new IllegalStateException("a compliance batch is pending already; finish it first");
            }
            Optional<PlannedBatch> last = batch(c, "WHERE done = TRUE ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
            long nextId = last.map(PlannedBatch::id).orElse(0L) + 1;
            long nextSequence = last.map(PlannedBatch::lastSequence).orElse(0L) + 1;
            if (batch.id() != nextId || batch.firstSequence() != nextSequence) {
                throw new IllegalStateException("batch " + batch.id() + " from " + batch.firstSequence()
                        + " does not follow: the next is batch " + nextId + " from " + nextSequence);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO compliance_batch (id, first_sequence,"
                    + " last_sequence, start_seconds, start_nanos, end_seconds, end_nanos, done)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)")) {
                ps.setLong(1, batch.id());
                ps.setLong(2, batch.firstSequence());
                ps.setLong(3, batch.lastSequence());
                ps.setLong(4, batch.start().getEpochSecond());
                ps.setInt(5, batch.start().getNano());
                ps.setLong(6, batch.end().getEpochSecond());
                ps.setInt(7, batch.end().getNano());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void complete(long batchId, Map<String, String> chainHeads) {
        tx.write("complete compliance batch " + batchId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE compliance_batch SET done = TRUE WHERE id = ? AND done = FALSE")) {
                ps.setLong(1, batchId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("compliance batch " + batchId + " is not pending");
                }
            }
            for (Map.Entry<String, String> head : chainHeads.entrySet()) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM compliance_chain WHERE chain_key = ?");
                     PreparedStatement insert = c.prepareStatement(
                             "INSERT INTO compliance_chain (chain_key, last_hash) VALUES (?, ?)")) {
                    delete.setString(1, head.getKey());
                    delete.executeUpdate();
                    insert.setString(1, head.getKey());
                    insert.setString(2, head.getValue());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Optional<PlannedBatch> batch(Connection c, String where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, first_sequence, last_sequence, start_seconds,"
                + " start_nanos, end_seconds, end_nanos FROM compliance_batch " + where);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PlannedBatch(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    Instant.ofEpochSecond(rs.getLong(4), rs.getInt(5)), Instant.ofEpochSecond(rs.getLong(6),
                    rs.getInt(7))));
        }
    }
}
