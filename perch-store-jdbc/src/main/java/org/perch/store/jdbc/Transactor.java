package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.perch.store.StoreException;
import org.perch.store.StoreUnavailableException;

/**
 * Runs each store operation in one transaction, retrying the conflicts that concurrent writers legitimately
 * cause (two first inserts of the same key, serialization failures, deadlocks), and turns every other
 * {@link SQLException} into a {@link StoreException} naming the operation. A write returns only once its
 * {@link CommitBarrier} has run, so a caller that hears "done" may rely on the change surviving a crash.
 * Public for backends with SQL of their own beside this module's (the PostgreSQL search index).
 */
public final class Transactor {

    private static final int ATTEMPTS = 5;
    /** Unique violation, serialization failure, deadlock (SQL standard / PostgreSQL), H2's concurrent update. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "90131");
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "25006");

    private final DataSource dataSource;
    private final CommitBarrier barrier;
    /** The connection of the {@link #atomically} block this thread is in, which every operation then joins. */
    private final ThreadLocal<Connection> block = new ThreadLocal<>();
    /** What runs once this thread's {@link #atomically} block has committed; see {@link #afterCommit}. */
    private final ThreadLocal<List<Runnable>> afterBlock = new ThreadLocal<>();

    public Transactor(DataSource dataSource, CommitBarrier barrier) {
        this.dataSource = dataSource;
        this.barrier = barrier;
    }

    /** Runs read-only {@code work} in a transaction; on failure the exception keeps the database's own message. */
    public <T> T read(String operation, SqlWork<T> work) {
        return run(operation, work, false, false);
    }

    /** Runs {@code work}, which changes data, in a transaction and makes the change durable before returning. */
    public <T> T write(String operation, SqlWork<T> work) {
        return run(operation, work, true, false);
    }

    /**
     * Runs {@code work}, which changes data, in a transaction, without waiting for the barrier: for a change whose
     * loss in a crash is harmless because it is made again (the outbox's removal of events the compliance database
     * already holds, which a repeated copy skips). It spares the message path, which shares the file, a sync.
     */
    <T> T writeWithoutBarrier(String operation, SqlWork<T> work) {
        return run(operation, work, false, false);
    }

    /**
     * Like {@link #read} for work that reads key material: database messages can quote the values of a failing
     * row, so only the SQLState and error code of the cause are kept.
     */
    <T> T readRedacted(String operation, SqlWork<T> work) {
        return run(operation, work, false, true);
    }

    /** Like {@link #write} for work that writes key material; see {@link #readRedacted}. */
    <T> T writeRedacted(String operation, SqlWork<T> work) {
        return run(operation, work, true, true);
    }

    /**
     * Runs {@code work} as one transaction: every operation it makes joins it, and it commits (then passes the
     * barrier) when {@code work} returns, or rolls back if it throws. Not retried: the work may have done more than
     * the store's part. A block inside a block joins the outer one.
     */
    <T> T atomically(Supplier<T> work) {
        if (block.get() != null) {
            return work.get();
        }
        List<Runnable> committed = new ArrayList<>();
        T result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            block.set(c);
            afterBlock.set(committed);
            try {
                result = work.get();
                c.commit();
                barrier.afterCommit(c);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                restoreAutoCommit(c, e);
                throw e;
            } finally {
                block.remove();
                afterBlock.remove();
            }
            restoreAutoCommit(c, null);
        } catch (SQLException e) {
            throw failure("commit a block of changes", e, false);
        }
        committed.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs {@code action} once what this thread has changed is committed: at once outside a block (every operation
     * has committed when it returns), or after the thread's {@link #atomically} block commits, and never if the
     * block rolls back.
     */
    void afterCommit(Runnable action) {
        List<Runnable> pending = afterBlock.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    private <T> T run(String operation, SqlWork<T> work, boolean writes, boolean redact) {
        Connection joined = block.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw failure(operation, e, redact);
            }
        }
        T result = committed(operation, work, redact);
        if (writes) {
            // Not retried with the work: the change is committed, only its durability is in doubt, and the caller
            // hears of it as a failed write.
            try (Connection c = dataSource.getConnection()) {
                barrier.afterCommit(c);
            } catch (SQLException e) {
                throw failure("make '" + operation + "' durable", e, redact);
            }
        }
        return result;
    }

    private <T> T committed(String operation, SqlWork<T> work, boolean redact) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                // A pool that timed out waiting for a connection gives no SQLState at all.
                if (attempt >= ATTEMPTS || e.getSQLState() == null || !RETRYABLE.contains(e.getSQLState())) {
                    throw failure(operation, e, redact);
                }
            }
        }
    }

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                restoreAutoCommit(c, e);
                throw e;
            }
            restoreAutoCommit(c, null);
            return result;
        }
    }

    /**
     * Pooled connections go back as they came: in auto-commit mode. A connection too broken for that (its server
     * gone) is one the pool discards; the failure that broke it is the one to report, and a commit that went
     * through stands.
     */
    private static void restoreAutoCommit(Connection c, Exception failure) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static StoreException failure(String operation, SQLException e, boolean redact) {
        String message = "could not " + operation + " (SQLState " + e.getSQLState() + ", error " + e.getErrorCode()
                + ")";
        SQLException cause = e;
        if (redact) {
            cause = new SQLException(e.getClass().getName() + " (message withheld: it may quote key material)",
                    e.getSQLState(), e.getErrorCode());
            cause.setStackTrace(e.getStackTrace());
        }
        return unavailable(e) ? new StoreUnavailableException(message, cause) : new StoreException(message, cause);
    }

    /**
     * Connection exceptions (SQLState class 08), the server shutting down or not yet taking connections (57P01 to
     * 57P03), and a write refused by a read-only server (25006: a standby, when the URL reached one): what a
     * failover looks like from here. A pool that timed out waiting for a connection says so by its exception type.
     */
    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || UNAVAILABLE.contains(state));
    }
}
