package org.perch.store.postgres;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * For failover drills, in this module and others (it ships in the test-jar): a database on a PostgreSQL primary of
 * its own with a standby ({@link LocalPostgres#startReplicated}), reached through a URL naming both
 * hosts, as ARCHITECTURE D7 has a pool reach its store. A drill crashes the primary and promotes the standby; the
 * store follows on its own, because the driver connects only to the host that accepts writes. A failback drill then
 * {@linkplain #rebuildOldPrimaryAsStandby() rebuilds} the old primary as the new one's standby and does it again.
 *
 * <p>"Primary" and "standby" name roles, which a rebuild swaps; "first site" and "second site" name the servers (the
 * original primary and standby), whose ports never change, so settings taken at any time keep reaching them.
 */
public final class ReplicatedDatabase {

    private static final String ROLE = "perch_ha";
    private static final String DATABASE = "perch_ha";

    private LocalPostgres.ReplicatedPair pair;
    private final int firstSitePort;
    private final int secondSitePort;
    private final String password;

    private ReplicatedDatabase(LocalPostgres.ReplicatedPair pair, String password) {
        this.pair = pair;
        this.firstSitePort = pair.primaryPort();
        this.secondSitePort = pair.standbyPort();
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
            ReplicatedDatabase database = new ReplicatedDatabase(LocalPostgres.startReplicated(synchronous),
                    LocalPostgres.randomSecret());
            database.awaitStandbyStreaming();
            database.createDatabase();
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start a replicated PostgreSQL pair", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a replicated PostgreSQL pair", e);
        }
    }

    /**
     * The role and its database, and what failover tooling running as that role needs, so that a drill can show it
     * needs no superuser: promoting, ending sessions, turning writes off, reading the replication state. The role's
     * memberships and parameter privilege are cluster-wide, but a function's privileges live in each database's
     * catalog, so {@code pg_promote} is granted in the database the role connects to.
     */
    private void createDatabase() throws SQLException {
        try (Connection c = superuser(); Statement statement = c.createStatement()) {
            statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            // What docs/operations.md asks of the pool's role for perch pool failover and failback, and no more
            // (pg_read_all_stats only lets a test read pg_stat_replication as that role).
            statement.execute("GRANT pg_read_all_stats TO " + ROLE);
            statement.execute("GRANT ALTER SYSTEM ON PARAMETER default_transaction_read_only TO " + ROLE);
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        }
        try (Connection c = pair.connect(pair.primaryPort(), DATABASE); Statement statement = c.createStatement()) {
            statement.execute("GRANT EXECUTE ON FUNCTION pg_promote(boolean, integer) TO " + ROLE);
            statement.execute("GRANT EXECUTE ON FUNCTION pg_reload_conf() TO " + ROLE);
        }
    }

    /**
     * Waits until the primary streams to the standby, as its synchronous standby if the pair is synchronous: until
     * then a synchronous primary's commits would wait, and an asynchronous one's would not reach the standby.
     */
    public void awaitStandbyStreaming() {
        String state = pair.synchronous() ? "sync" : "async";
        try (Connection c = superuser(); Statement statement = c.createStatement()) {
            await("the standby streaming as " + state).atMost(Duration.ofSeconds(60))
                    .until(() -> state.equals(syncState(statement)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask the primary about its standby", e);
        }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitStandbyCaughtUp() {
        try (Connection c = superuser(); Statement statement = c.createStatement()) {
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
     * Both hosts, the first site's first whatever their roles (a pool's URL does not change on a failover either);
     * {@code targetServerType=primary} makes the driver skip a host that is down or in recovery, and
     * {@code connectTimeout} bounds the wait on one that does not answer.
     */
    public PostgresSettings settings() {
        return new PostgresSettings("jdbc:postgresql://127.0.0.1:" + firstSitePort + ",127.0.0.1:" + secondSitePort
                + "/" + DATABASE + "?targetServerType=primary&connectTimeout=2", ROLE, password);
    }

    /**
     * The first site's host alone (the original primary's), for a disaster-recovery topology that names a pool's
     * store and its backup separately; it reaches that server only while it is the primary.
     */
    public PostgresSettings firstSiteSettings() {
        return primaryOnly(firstSitePort);
    }

    /** The second site's host alone (the original standby's), as {@link #firstSiteSettings()} is the first's. */
    public PostgresSettings secondSiteSettings() {
        return primaryOnly(secondSitePort);
    }

    /**
     * The standby's host alone, whichever server is the standby now, in recovery or not: what a drill reads back
     * after the promotion, or a standby's state before it.
     */
    public PostgresSettings standbySettings() {
        return new PostgresSettings("jdbc:postgresql://127.0.0.1:" + pair.standbyPort() + "/" + DATABASE, ROLE,
                password);
    }

    /** Stops the primary as a crash does: no checkpoint, no goodbye to its clients or its standby. */
    public void crashPrimary() {
        run(pair::crashPrimary);
    }

    /** Stops the primary as a planned switchover does: its clients are told, its standby gets all its WAL. */
    public void stopPrimary() {
        run(pair::stopPrimary);
    }

    /** Makes the standby the primary (what an operator or a failover manager does); returns once it takes writes. */
    public void promoteStandby() {
        run(pair::promoteStandby);
    }

    /**
     * After the primary was crashed or stopped and the standby promoted: rebuilds the old primary, on its own port,
     * as the promoted server's standby, from an online copy (the promoted server keeps taking writes throughout),
     * and returns once it streams. From then on the promoted server is the primary and the rebuilt one the standby
     * (synchronous if the pair was), so a second round of {@link #crashPrimary()} and {@link #promoteStandby()}
     * fails back to the original primary.
     *
     * @throws IllegalStateException if the primary still runs or the standby was not promoted
     */
    public void rebuildOldPrimaryAsStandby() {
        try {
            pair = pair.rebuildOldPrimaryAsStandby();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not rebuild the old primary as a standby", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the old primary as a standby", e);
        }
        awaitStandbyStreaming();
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

    private PostgresSettings primaryOnly(int port) {
        return new PostgresSettings("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE
                + "?targetServerType=primary&connectTimeout=2", ROLE, password);
    }

    private Connection superuser() throws SQLException {
        return pair.connect(pair.primaryPort(), "postgres");
    }

    private static String syncState(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT sync_state FROM pg_stat_replication"
                + " WHERE application_name = '" + LocalPostgres.ReplicatedPair.STANDBY_NAME + "'"
                + " AND state = 'streaming'")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
