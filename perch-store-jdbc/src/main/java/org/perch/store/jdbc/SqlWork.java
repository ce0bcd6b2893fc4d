package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection; {@link Transactor} decides commit, rollback and retry. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
