package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.perch.store.StoreException;

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
                throw e;
            } finally {
                block.remove();
                afterBlock.remove();
                c.setAutoCommit(true);
            }
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
                if (attempt >= ATTEMPTS || !RETRYABLE.contains(e.getSQLState())) {
                    throw failure(operation, e, redact);
                }
            }
        }
    }

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                // Pooled connections go back as they came: in auto-commit mode.
                c.setAutoCommit(true);
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

    private static StoreException failure(String operation, SQLException e, boolean redact) {
        String message = "could not " + operation + " (SQLState " + e.getSQLState() + ", error " + e.getErrorCode()
                + ")";
        if (!redact) {
            return new StoreException(message, e);
        }
        SQLException cause = new SQLException(e.getClass().getName() + " (message withheld: it may quote key material)",
                e.getSQLState(), e.getErrorCode());
        cause.setStackTrace(e.getStackTrace());
        return new StoreException(message, cause);
    }
}
