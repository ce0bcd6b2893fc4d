package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.perch.core.Jid;
import org.perch.store.Roster;
import org.perch.store.RosterItem;
import org.perch.store.RosterStore;
import org.perch.store.Subscription;

/**
 * Rosters in the {@code roster_item} and {@code roster_version} tables. Every change first locks the owner's
 * {@code roster_version} row, so changes to one roster are serialised and each gets its own version.
 */
final class JdbcRosterStore implements RosterStore {

    private final Transactor tx;

    JdbcRosterStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public Roster roster(Jid owner) {
        // One statement, so the version and the items come from the same snapshot.
        return tx.read("read roster of " + owner, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v.version, i.contact, i.name, i.subscription,"
                    + " i.pending_out, i.group_names FROM roster_version v"
                    + " LEFT JOIN roster_item i ON i.owner = v.owner WHERE v.owner = ?")) {
                ps.setString(1, owner.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return readRoster(rs);
                }
            }
        });
    }

    @Override
    public long put(Jid owner, RosterItem item) {
        return tx.write("update roster item of " + owner, c -> {
            long version = lockVersion(c, owner).orElse(0) + 1;
            writeVersion(c, owner, version);
            try (PreparedStatement ps = c.prepareStatement("UPDATE roster_item SET name = ?, subscription = ?,"
                    + " pending_out = ?, group_names = ? WHERE owner = ? AND contact = ?")) {
                if (bindItem(ps, owner, item).executeUpdate() > 0) {
                    return version;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO roster_item"
                    + " (name, subscription, pending_out, group_names, owner, contact) VALUES (?, ?, ?, ?, ?, ?)")) {
                bindItem(ps, owner, item).executeUpdate();
            }
            return version;
        });
    }

    @Override
    public long remove(Jid owner, Jid contact) {
        return tx.write("remove roster item of " + owner, c -> {
            OptionalLong current = lockVersion(c, owner);
            if (current.isEmpty()) {
                return 0L;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM roster_item WHERE owner = ? AND contact = ?")) {
                ps.setString(1, owner.toString());
                ps.setString(2, contact.toString());
                if (ps.executeUpdate() == 0) {
                    return current.getAsLong();
                }
            }
            writeVersion(c, owner, current.getAsLong() + 1);
            return current.getAsLong() + 1;
        });
    }

    /** The current version, row-locked until commit; empty if the owner has no roster yet. */
    private static OptionalLong lockVersion(Connection c, Jid owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM roster_version WHERE owner = ? FOR UPDATE")) {
            ps.setString(1, owner.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Version 1 is an INSERT: two first writers may both try it, the loser gets a unique violation and the
     * transactor retries it, this time finding (and waiting for) the winner's row.
     */
    private static void writeVersion(Connection c, Jid owner, long version) throws SQLException {
        String sql = version == 1 ? "INSERT INTO roster_version (version, owner) VALUES (?, ?)"
                : "UPDATE roster_version SET version = ? WHERE owner = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, version);
            ps.setString(2, owner.toString());
            ps.executeUpdate();
        }
    }

    private static PreparedStatement bindItem(PreparedStatement ps, Jid owner, RosterItem item) throws SQLException {
        ps.setString(1, item.name());
        ps.setString(2, item.subscription().xmlValue());
        ps.setBoolean(3, item.pendingOut());
        ps.setString(4, GroupsColumn.encode(item.groups()));
        ps.setString(5, owner.toString());
        ps.setString(6, item.jid().toString());
        return ps;
    }

    private static Roster readRoster(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return new Roster(0, List.of());
        }
        long version = rs.getLong(1);
        List<RosterItem> items = new ArrayList<>();
        do {
            String contact = rs.getString(2);
            if (contact != null) {
                items.add(new RosterItem(Jid.of(contact), rs.getString(3),
                        Subscription.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getBoolean(5),
                        GroupsColumn.decode(rs.getString(6))));
            }
        } while (rs.next());
        items.sort(Comparator.comparing(i -> i.jid().toString()));
        return new Roster(version, items);
    }
}
