package org.perch.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.function.Function;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.chat.MessageIndex;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.jdbc.CommitBarrier;
import org.perch.store.jdbc.JdbcComplianceRecord;
import org.perch.store.jdbc.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the pool store (like Lync Enterprise Edition): the chat store, the compliance database and the full-text
 * index over PostgreSQL, each through its own HikariCP pool. Every node of a pool opens the same databases.
 *
 * <p>No commit barrier: a PostgreSQL commit returns once its write-ahead log is flushed (with the server's default
 * {@code synchronous_commit = on}), so a write that returns is durable.
 */
public final class PostgresStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

    private PostgresStore() {
    }

    /**
     * Opens the chat store in the database the settings name, migrating its schema. Its
     * {@link Store#feedSignal()} hears every node's appends through LISTEN/NOTIFY ({@link PostgresFeedSignal}).
     *
     * @throws StoreException if the database cannot be reached (the message names the URL and PostgreSQL's reason)
     *     or its schema cannot be migrated
     */
    public static Store open(PostgresSettings settings) {
        return overPool(settings, "perch-store", "the chat store",
                pool -> JdbcStore.open(pool, pool::close, CommitBarrier.NONE, new PostgresFeedSignal(settings)));
    }

    /**
     * Opens the compliance database the settings name: a database of its own, apart from the chat store's (spec
     * §10.2), with its own schema.
     *
     * @throws StoreException as {@link #open(PostgresSettings)}
     */
    public static ComplianceRecord openComplianceRecord(PostgresSettings settings) {
        return overPool(settings, "perch-compliance", "the compliance database",
                pool -> JdbcComplianceRecord.open(pool, pool::close, CommitBarrier.NONE));
    }

    /**
     * Opens the full-text index in the chat store's database (the settings name it), in a schema of its own, so
     * that every node of a pool searches the same index.
     *
     * @throws StoreException as {@link #open(PostgresSettings)}
     */
    public static MessageIndex openMessageIndex(PostgresSettings settings) {
        return overPool(settings, "perch-search", "the search index", PostgresMessageIndex::open);
    }

    private static <T> T overPool(PostgresSettings settings, String poolName, String what,
                                  Function<HikariDataSource, T> opener) {
        HikariDataSource pool = pool(settings, poolName, what);
        try {
            T opened = opener.apply(pool);
            LOG.info("Opened {} at {} as {}", what, settings.url(), settings.user());
            return opened;
        } catch (RuntimeException e) {
            pool.close();
            // The cause's message goes into ours: a command line prints only the top message.
            throw new StoreException("could not open " + what + " at " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /** A pool that has made its first connection; HikariCP masks the password when it logs its configuration. */
    private static HikariDataSource pool(PostgresSettings settings, String poolName, String what) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("could not connect to " + what + " at " + settings.url() + " as "
                    + settings.user() + ": " + reason(e), e);
        }
    }

    /** The database's own words for the failure: SQLState and message of the first SQLException in the chain. */
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "SQLState " + sql.getSQLState() + ", " + sql.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
