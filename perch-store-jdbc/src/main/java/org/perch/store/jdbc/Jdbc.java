package org.perch.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers the chat stores share. */
final class Jdbc {

    private Jdbc() {
    }

    /** Whether the prepared, bound query returns at least one row. */
    static boolean exists(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
