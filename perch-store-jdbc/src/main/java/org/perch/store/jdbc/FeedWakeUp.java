package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.perch.store.cluster.FeedSignal;

/**
 * How the readers of the pool feed hear that it grew, which only the backend knows: an embedded database's readers
 * are all in this process ({@link #inProcess()}); PostgreSQL's are on every server of the pool, and hear of each
 * append through NOTIFY. The store calls {@link #announce} in each appending transaction and {@link #committed}
 * once it has committed; a backend uses the one that reaches its readers. {@link JdbcStore#close()} closes it.
 */
public interface FeedWakeUp extends FeedSignal, AutoCloseable {

    /** Runs inside each appending transaction, before it commits: what it sends leaves with the commit, or never. */
    default void announce(Connection connection) throws SQLException {
    }

    /** Runs on the appending thread once each append (or the block it was in) has committed. */
    default void committed() {
    }

    /** Stops listening for other processes' appends. */
    @Override
    default void close() {
    }

    /** For a database that only this process uses: listeners are called on the appending thread after commit. */
    static FeedWakeUp inProcess() {
        return new InProcessWakeUp();
    }
}
