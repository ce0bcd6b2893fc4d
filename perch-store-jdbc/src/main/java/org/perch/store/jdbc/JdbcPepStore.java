package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.StoreException;
import org.perch.store.pep.PepAccess;
import org.perch.store.pep.PepItem;
import org.perch.store.pep.PepNode;
import org.perch.store.pep.PepNodeConfig;
import org.perch.store.pep.PepSendLast;
import org.perch.store.pep.PepStore;

/**
 * PEP nodes in {@code pep_node} and their items in {@code pep_item}. Every change to a node's items first locks the
 * node's row, so publications to one node are serialised and their sequence numbers never repeat.
 */
final class JdbcPepStore implements PepStore {

    private static final String NODE_COLUMNS = "SELECT node, max_items, access_model, persist_items, send_last"
            + " FROM pep_node WHERE owner = ?";

    private final Transactor tx;

    JdbcPepStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public Optional<PepNode> node(Jid owner, String node) {
        return tx.read("read PEP node " + node + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement(NODE_COLUMNS + " AND node = ?")) {
                ps.setString(1, owner.toString());
                ps.setString(2, node);
                return readNodes(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<PepNode> nodes(Jid owner) {
        return tx.read("list PEP nodes of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement(NODE_COLUMNS + " ORDER BY node")) {
                ps.setString(1, owner.toString());
                return readNodes(ps);
            }
        });
    }

    /**
     * Two first creators may both pass the check; the loser's INSERT is a unique violation, which the transactor
     * retries, and the retry finds the winner's row.
     */
    @Override
    public boolean create(Jid owner, String node, PepNodeConfig config) {
        return tx.write("create PEP node " + node + " of " + owner, c -> {
            if (lockNode(c, owner, node).isPresent()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pep_node (max_items, access_model,"
                    + " persist_items, send_last, owner, node, last_seq) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                bindConfig(ps, config, owner, node).executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean configure(Jid owner, String node, PepNodeConfig config) {
        return tx.write("configure PEP node " + node + " of " + owner, c -> {
            if (lockNode(c, owner, node).isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE pep_node SET max_items = ?, access_model = ?,"
                    + " persist_items = ?, send_last = ? WHERE owner = ? AND node = ?")) {
                bindConfig(ps, config, owner, node).executeUpdate();
            }
            trim(c, owner, node, config.maxItems());
            return true;
        });
    }

    @Override
    public List<String> publish(Jid owner, String node, PepItem item) {
        return tx.write("publish to PEP node " + node + " of " + owner, c -> {
            NodeLock lock = lockNode(c, owner, node).orElseThrow(() -> new StoreException(
                    "could not publish to node " + node + " of " + owner + ": there is no such node"));
            long seq = lock.lastSeq() + 1;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pep_node SET last_seq = ? WHERE owner = ? AND node = ?")) {
                ps.setLong(1, seq);
                ps.setString(2, owner.toString());
                ps.setString(3, node);
                ps.executeUpdate();
            }
            deleteItem(c, owner, node, item.id());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pep_item (owner, node, item_id, seq,"
                    + " published, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, owner.toString());
                ps.setString(2, node);
                ps.setString(3, item.id());
                ps.setLong(4, seq);
                ps.setObject(5, OffsetDateTime.ofInstant(item.published(), ZoneOffset.UTC));
                ps.setString(6, item.payload());
                ps.executeUpdate();
            }
            return trim(c, owner, node, lock.maxItems());
        });
    }

    @Override
    public List<PepItem> items(Jid owner, String node, int max) {
        return tx.read("read items of PEP node " + node + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, published, payload FROM pep_item"
                    + " WHERE owner = ? AND node = ? ORDER BY seq DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, owner.toString());
                ps.setString(2, node);
                ps.setInt(3, max);
                List<PepItem> items = readItems(ps);
                Collections.reverse(items);
                return items;
            }
        });
    }

    @Override
    public Optional<PepItem> item(Jid owner, String node, String itemId) {
        return tx.read("read item " + itemId + " of PEP node " + node + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, published, payload FROM pep_item"
                    + " WHERE owner = ? AND node = ? AND item_id = ?")) {
                ps.setString(1, owner.toString());
                ps.setString(2, node);
                ps.setString(3, itemId);
                return readItems(ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean retract(Jid owner, String node, String itemId) {
        return tx.write("retract item " + itemId + " of PEP node " + node + " of " + owner, c -> {
            lockNode(c, owner, node);
            return deleteItem(c, owner, node, itemId) > 0;
        });
    }

    @Override
    public int purge(Jid owner, String node) {
        return tx.write("purge PEP node " + node + " of " + owner, c -> {
            lockNode(c, owner, node);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pep_item WHERE owner = ? AND node = ?")) {
                ps.setString(1, owner.toString());
                ps.setString(2, node);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(Jid owner, String node) {
        return tx.write("delete PEP node " + node + " of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pep_node WHERE owner = ? AND node = ?")) {
                ps.setString(1, owner.toString());
                ps.setString(2, node);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private record NodeLock(int maxItems, long lastSeq) {
    }

    /** The node's maximum and last sequence number, its row locked until commit; empty if there is no such node. */
    private static Optional<NodeLock> lockNode(Connection c, Jid owner, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT max_items, last_seq FROM pep_node WHERE owner = ? AND node = ? FOR UPDATE")) {
            ps.setString(1, owner.toString());
            ps.setString(2, node);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NodeLock(rs.getInt(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    private static int deleteItem(Connection c, Jid owner, String node, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM pep_item WHERE owner = ? AND node = ? AND item_id = ?")) {
            ps.setString(1, owner.toString());
            ps.setString(2, node);
            ps.setString(3, itemId);
            return ps.executeUpdate();
        }
    }

    /** Deletes the oldest items beyond {@code maxItems} and returns their ids, oldest first. */
    private static List<String> trim(Connection c, Jid owner, String node, int maxItems) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_id FROM pep_item WHERE owner = ? AND node = ?"
                + " ORDER BY seq DESC OFFSET ? ROWS")) {
            ps.setString(1, owner.toString());
            ps.setString(2, node);
            ps.setInt(3, maxItems);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dropped.add(rs.getString(1));
                }
            }
        }
        for (String id : dropped) {
            deleteItem(c, owner, node, id);
        }
        Collections.reverse(dropped);
        return dropped;
    }

    private static PreparedStatement bindConfig(PreparedStatement ps, PepNodeConfig config, Jid owner, String node)
            throws SQLException {
        ps.setInt(1, config.maxItems());
        ps.setString(2, config.access().name().toLowerCase(Locale.ROOT));
        ps.setBoolean(3, config.persistItems());
        ps.setString(4, config.sendLast().name().toLowerCase(Locale.ROOT));
        ps.setString(5, owner.toString());
        ps.setString(6, node);
        return ps;
    }

    private static List<PepNode> readNodes(PreparedStatement ps) throws SQLException {
        List<PepNode> nodes = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                nodes.add(new PepNode(rs.getString(1), new PepNodeConfig(rs.getInt(2),
                        PepAccess.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getBoolean(4),
                        PepSendLast.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)))));
            }
        }
        return nodes;
    }

    private static List<PepItem> readItems(PreparedStatement ps) throws SQLException {
        List<PepItem> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(new PepItem(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3)));
            }
        }
        return items;
    }
}
