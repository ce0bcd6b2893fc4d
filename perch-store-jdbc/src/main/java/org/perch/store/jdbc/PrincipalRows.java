package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.perch.core.Principal;

/**
 * The principal lists of one category or room, kept as child rows (owner, kind, principal URI). They are
 * written by replacing all of the owner's rows, and read back from a LEFT JOIN that repeats the owner's row
 * once per principal (with NULLs when it has none), so one SELECT reads owners and lists together.
 */
final class PrincipalRows {

    private final Map<String, Set<Principal>> byKind = new HashMap<>();

    /** Adds the principal in the joined row's {@code kindColumn} and the column after it, if there is one. */
    void add(ResultSet rs, int kindColumn) throws SQLException {
        String kind = rs.getString(kindColumn);
        if (kind != null) {
            byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(Principal.of(rs.getString(kindColumn + 1)));
        }
    }

    Set<Principal> get(String kind) {
        return byKind.getOrDefault(kind, Set.of());
    }

    /** Makes the owner's rows in {@code table} exactly {@code lists}, in the caller's transaction. */
    static void replace(Connection c, String table, String ownerColumn, UUID owner, Map<String, Set<Principal>> lists)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + ownerColumn + " = ?")) {
            ps.setObject(1, owner);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + table + " (" + ownerColumn + ", kind, principal) VALUES (?, ?, ?)")) {
            int rows = 0;
            for (Map.Entry<String, Set<Principal>> list : lists.entrySet()) {
                for (Principal principal : list.getValue()) {
                    ps.setObject(1, owner);
                    ps.setString(2, list.getKey());
                    ps.setString(3, principal.uri());
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }
}
