package org.perch.store.postgres;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * For failover drills, in this module and others (it ships in the test-jar): a database on a PostgreSQL primary of
 * its own with a standby ({@link LocalPostgres#startReplicated}), reached through a URL naming both
 * hosts, as ARCHITECTURE D7 has a pool reach its store. A drill crashes the primary and promotes the standby; the
 * store follows on its own, because the driver connects only to the host that accepts writes.
 */
public final class ReplicatedDatabase {

    private static final String ROLE = "perch_ha";
    private static final String DATABASE = "perch_ha";

    private final LocalPostgres.ReplicatedPair pair;
    private final String password;

    private ReplicatedDatabase(LocalPostgres.ReplicatedPair pair, String password) {
        this.pair = pair;
        this.password = password;
    }

    /** A new pair of servers, once the standby streams as the synchronous one, with an empty database. */
    public static ReplicatedDatabase start() {
        return start(true);
    }

    /**
     * A new pair whose standby is asynchronous, as a backup store in a second site is (commits do not wait for it),
     * once it streams, with an empty database.
     */
    public static ReplicatedDatabase startAsynchronous() {
        return start(false);
    }

    private static ReplicatedDatabase start(boolean synchronous) {
        try {
            LocalPostgres.ReplicatedPair pair = LocalPostgres.startReplicated(synchronous);
            String password = LocalPostgres.randomSecret();
            try (Connection c = superuser(pair); Statement statement = c.createStatement()) {
                String state = synchronous ? "sync" : "async";
                await("the standby streaming as " + state).atMost(Duration.ofSeconds(60))
                        .until(() -> state.equals(syncState(statement)));
                statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            }
            return new ReplicatedDatabase(pair, password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a replicated PostgreSQL pair", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a replicated PostgreSQL pair", e);
        }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitStandbyCaughtUp() {
        try (Connection c = superuser(pair); Statement statement = c.createStatement()) {
            await("the standby replaying the primary's WAL").atMost(Duration.ofSeconds(60)).until(() -> {
                try (ResultSet rs = statement.executeQuery("SELECT replay_lsn >= pg_current_wal_lsn()"
                        + " FROM pg_stat_replication")) {
                    return rs.next() && rs.getBoolean(1);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the primary how far its standby is", e);
        }
    }

    /**
     * Both hosts, primary first; {@code targetServerType=primary} makes the driver skip a host that is down or in
     * recovery, and {@code connectTimeout} bounds the wait on one that does not answer.
     */
    public PostgresSettings settings() {
        return new PostgresSettings("jdbc:postgresql://127.0.0.1:" + pair.primaryPort() + ",127.0.0.1:"
                + pair.standbyPort() + "/" + DATABASE + "?targetServerType=primary&connectTimeout=2", ROLE, password);
    }

    /** The standby's host alone: what a drill reads back after the promotion. */
    public PostgresSettings standbySettings() {
        return new PostgresSettings("jdbc:postgresql://127.0.0.1:" + pair.standbyPort() + "/" + DATABASE, ROLE,
                password);
    }

    /** Stops the primary as a crash does: no checkpoint, no goodbye to its clients or its standby. */
    public void crashPrimary() {
        run(pair::crashPrimary);
    }

    /** Makes the standby the primary (what an operator or a failover manager does); returns once it takes writes. */
    public void promoteStandby() {
        run(pair::promoteStandby);
    }

    @Override
    public String toString() {
        return "ReplicatedDatabase[" + pair + "]";
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Connection superuser(LocalPostgres.ReplicatedPair pair) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pair.primaryPort() + "/postgres",
                LocalPostgres.SUPERUSER, pair.superuserPassword());
    }

    private static String syncState(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT sync_state FROM pg_stat_replication"
                + " WHERE application_name = '" + LocalPostgres.ReplicatedPair.STANDBY_NAME + "'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
