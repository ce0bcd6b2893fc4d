package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A one-row, one-column table that hands out numbers increasing in commit order ({@code chat_message_seq},
 * {@code pool_feed_seq}). Taking numbers updates the row, which locks it until the taking transaction ends: the
 * next taker waits for that commit (or rollback, which gives the numbers back), so a reader that has seen number n
 * never later finds a new row below n. A database sequence would hand numbers out in the order they are asked for.
 */
record CounterRow(String table, String column) {

    /** Takes {@code count} numbers, locking the row until {@code c}'s transaction ends; returns the first. */
    long take(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + column + " = " + column
                + " + ?")) {
            ps.setLong(1, count);
            ps.executeUpdate();
        }
        return last(c) - count + 1;
    }

    /** The last number handed out and committed (or taken in {@code c}'s own transaction). */
    long last(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException(table + " has no row; the schema is damaged");
            }
            return rs.getLong(1);
        }
    }
}
