package org.perch.bench.pool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.perch.store.postgres.PostgresSettings;

/**
 * The bench database's row of {@code pg_stat_database}, read over a connection of its own (none for the embedded
 * configuration). PostgreSQL's backends publish their counts about once a second, so a reading lags by that much;
 * in a steady step the lag is the same at both ends of the window and the difference holds.
 */
final class DatabaseCounters implements AutoCloseable {

    /** Committed transactions and inserted rows since the database was made. */
    record Activity(long commits, long inserted) {
        Activity minus(Activity earlier) {
            return new Activity(commits - earlier.commits, inserted - earlier.inserted);
        }
    }

    private final Optional<Connection> connection;

    private DatabaseCounters(Optional<Connection> connection) {
        this.connection = connection;
    }

    static DatabaseCounters of(Optional<PostgresSettings> database) throws SQLException {
        if (database.isEmpty()) {
            return new DatabaseCounters(Optional.empty());
        }
        PostgresSettings settings = database.get();
        return new DatabaseCounters(Optional.of(DriverManager.getConnection(settings.url(), settings.user(),
                settings.password())));
    }

    /** The counts now; empty without PostgreSQL. Each reading is itself one committed transaction. */
    Optional<Activity> read() throws SQLException {
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        try (Statement statement = connection.get().createStatement();
             ResultSet row = statement.executeQuery("SELECT xact_commit, tup_inserted FROM pg_stat_database"
                     + " WHERE datname = current_database()")) {
            row.next();
            return Optional.of(new Activity(row.getLong(1), row.getLong(2)));
        }
    }

    /** The server's version and the settings that decide a commit's cost, e.g. "PostgreSQL 18.1; fsync off". */
    String describe() throws SQLException {
        if (connection.isEmpty()) {
            return "no PostgreSQL";
        }
        try (Statement statement = connection.get().createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
                     + " current_setting('fsync'), current_setting('synchronous_commit')")) {
            row.next();
            return "PostgreSQL " + row.getString(1) + "; fsync " + row.getString(2) + ", synchronous_commit "
                    + row.getString(3);
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isPresent()) {
            connection.get().close();
        }
    }
}
