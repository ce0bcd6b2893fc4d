package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a database needs, after a write transaction commits, before the store may tell its caller the write is
 * durable. PostgreSQL needs nothing: its commit returns once the write-ahead log is flushed. An embedded engine
 * that writes its file lazily (H2) forces the committed state to disk here.
 */
@FunctionalInterface
public interface CommitBarrier {

    /** For databases whose commit is already durable. */
    CommitBarrier NONE = connection -> { };

    /** Runs on the connection that just committed a write, outside any transaction. */
    void afterCommit(Connection connection) throws SQLException;
}
