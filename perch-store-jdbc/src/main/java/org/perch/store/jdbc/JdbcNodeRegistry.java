package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolNode;

/** The running servers in {@code pool_node}, one row each. */
final class JdbcNodeRegistry implements NodeRegistry {

    private static final String COLUMNS = "server, pool, host, active, started_seconds, started_nanos, beat_seconds,"
            + " beat_nanos, connections, feed_position";

    private final Transactor tx;

    JdbcNodeRegistry(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public void register(PoolNode node) {
        // Delete and insert rather than MERGE or ON CONFLICT, which H2 and PostgreSQL spell differently.
        tx.write("register server " + node.server() + " in the pool", c -> {
            delete(c, node.server());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_node (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, node.server());
                ps.setString(2, node.pool());
                ps.setString(3, node.host());
                ps.setBoolean(4, node.active());
                ps.setLong(5, node.startedAt().getEpochSecond());
                ps.setInt(6, node.startedAt().getNano());
                ps.setLong(7, node.lastBeat().getEpochSecond());
                ps.setInt(8, node.lastBeat().getNano());
                ps.setInt(9, node.connections());
                ps.setLong(10, node.feedPosition());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean beat(String server, Instant at, boolean active, int connections, long feedPosition) {
        return tx.write("record the heartbeat of server " + server, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE pool_node SET beat_seconds = ?, beat_nanos = ?,"
                    + " active = ?, connections = ?, feed_position = ? WHERE server = ?")) {
                ps.setLong(1, at.getEpochSecond());
                ps.setInt(2, at.getNano());
                ps.setBoolean(3, active);
                ps.setInt(4, connections);
                ps.setLong(5, feedPosition);
                ps.setString(6, server);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<PoolNode> nodes() {
        return tx.read("list the servers of the pool", c -> select(c, "SELECT " + COLUMNS
                + " FROM pool_node ORDER BY pool, server", null));
    }

    @Override
    public List<PoolNode> removeSilentSince(Instant deadline) {
        // Locked, then deleted one by one: of two servers sweeping at once, the second waits for the first and
        // then finds nothing left, so each silent server is reported once.
        return tx.write("remove the servers silent since " + deadline, c -> {
            List<PoolNode> silent = select(c, "SELECT " + COLUMNS + " FROM pool_node WHERE beat_seconds < ?"
                    + " OR (beat_seconds = ? AND beat_nanos < ?) ORDER BY pool, server FOR UPDATE", deadline);
            List<PoolNode> removed = new ArrayList<>();
            for (PoolNode node : silent) {
                if (delete(c, node.server())) {
                    removed.add(node);
                }
            }
            return removed;
        });
    }

    @Override
    public void remove(String server) {
        tx.write("remove server " + server + " from the pool", c -> delete(c, server));
    }

    private static boolean delete(Connection c, String server) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pool_node WHERE server = ?")) {
            ps.setString(1, server);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<PoolNode> select(Connection c, String sql, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (before != null) {
                ps.setLong(1, before.getEpochSecond());
                ps.setLong(2, before.getEpochSecond());
                ps.setInt(3, before.getNano());
            }
            List<PoolNode> nodes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new PoolNode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)),
                            Instant.ofEpochSecond(rs.getLong(7), rs.getInt(8)), rs.getInt(9), rs.getLong(10)));
                }
            }
            return nodes;
        }
    }
}
