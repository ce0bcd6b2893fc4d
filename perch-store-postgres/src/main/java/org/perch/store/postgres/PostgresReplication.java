package org.perch.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.perch.store.StoreException;

/**
 * The hosts of a PostgreSQL URL as a failover sees them: each asked on its own what it is in replication, promoted,
 * or fenced. A store's own connections go to whichever host takes writes; a failover must tell the hosts apart.
 *
 * <p>Promoting needs {@code EXECUTE} on {@code pg_promote}; fencing needs {@code ALTER SYSTEM} on
 * {@code default_transaction_read_only} and {@code EXECUTE} on {@code pg_reload_conf} (docs/operations.md lists the
 * grants), so the pool's own role can do both without being a superuser; the sessions a fence ends are that role's.
 */
public final class PostgresReplication {

    /** How long asking one host may take before it counts as unreachable, unless the URL says otherwise. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** How long a fence waits for the server to apply its changed configuration. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

    private PostgresReplication() {
    }

    /**
     * One host as it answered.
     *
     * @param host {@code host:port} as the URL names it
     * @param unreachable why it did not answer; empty when it did
     * @param inRecovery whether it is a standby
     * @param readOnly whether new transactions are read-only by default (a fenced primary)
     * @param walPosition how far it has written (a primary) or replayed (a standby), in bytes of WAL
     */
    public record HostStatus(String host, Optional<String> unreachable, boolean inRecovery, boolean readOnly,
                             long walPosition) {
        public HostStatus {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(unreachable, "unreachable");
        }
    }

    /** Each host of the URL, in order, asked alone. */
    public static List<HostStatus> hosts(PostgresSettings settings) {
        List<HostStatus> hosts = new ArrayList<>();
        for (String host : hostsOf(settings.url())) {
            hosts.add(status(settings, host));
        }
        return hosts;
    }

    /**
     * Promotes the standby at {@code host} and returns once it accepts writes.
     *
     * @throws StoreException if it is not a standby, the role may not promote, or it is not done within {@code wait}
     */
    public static void promote(PostgresSettings settings, String host, Duration wait) {
        try (Connection c = connect(settings, host); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_promote(true, " + Math.max(1, wait.toSeconds()) + ")")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new StoreException(host + " was not promoted within " + wait.toSeconds() + " s");
            }
        } catch (SQLException e) {
            throw new StoreException("could not promote " + host + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the primary at {@code host} refuse writes: every new transaction read-only (which also makes drivers
     * asked for a primary pass it by), then the store role's other sessions on the database ended, so that none
     * keeps writing in a transaction begun before.
     *
     * @throws StoreException if the role may not, or the server does not apply it within a few seconds
     */
    public static void fence(PostgresSettings settings, String host) {
        try (Connection c = connect(settings, host); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET default_transaction_read_only = on");
            s.execute("SELECT pg_reload_conf()");
            awaitReadOnly(settings, host);
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND datname = current_database() AND usename = current_user"
                    + " AND backend_type = 'client backend'");
        } catch (SQLException e) {
            throw new StoreException("could not fence " + host + ": " + e.getMessage(), e);
        }
    }

    /** pg_reload_conf only signals the server: wait until a new session sees the setting. */
    private static void awaitReadOnly(PostgresSettings settings, String host) throws SQLException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (!status(settings, host).readOnly()) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("the server did not apply default_transaction_read_only within "
                        + RELOAD_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the server to apply the fence", e);
            }
        }
    }

    private static HostStatus status(PostgresSettings settings, String host) {
        try (Connection c = connect(settings, host); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(),"
                     + " current_setting('default_transaction_read_only') = 'on',"
                     + " pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_wal_replay_lsn(),"
                     + " '0/0') ELSE pg_current_wal_lsn() END, '0/0')::bigint")) {
            rs.next();
            return new HostStatus(host, Optional.empty(), rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3));
        } catch (SQLException e) {
            return new HostStatus(host, Optional.of(firstLine(e.getMessage())), false, false, 0);
        }
    }

    private static Connection connect(PostgresSettings settings, String host) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "perch failover");
        return DriverManager.getConnection(oneHost(settings.url(), host), properties);
    }

    /** The hosts of a {@code jdbc:postgresql://h1:p1,h2:p2/db?…} URL. */
    static List<String> hostsOf(String url) {
        String rest = url.substring(PostgresSettings.URL_PREFIX.length());
        int slash = rest.indexOf('/');
        return List.of((slash < 0 ? rest : rest.substring(0, slash)).split(","));
    }

    /** The URL with {@code host} alone and any target server type dropped: the question is what this host is. */
    static String oneHost(String url, String host) {
        String rest = url.substring(PostgresSettings.URL_PREFIX.length());
        int slash = rest.indexOf('/');
        String path = slash < 0 ? "/" : rest.substring(slash);
        int query = path.indexOf('?');
        if (query < 0) {
            return PostgresSettings.URL_PREFIX + host + path;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : path.substring(query + 1).split("&")) {
            if (!parameter.isEmpty() && !parameter.startsWith("targetServerType=")) {
                kept.add(parameter);
            }
        }
        return PostgresSettings.URL_PREFIX + host + path.substring(0, query)
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
