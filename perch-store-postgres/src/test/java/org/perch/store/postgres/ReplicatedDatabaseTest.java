package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The failback drill's support, on real PostgreSQL processes: after a failover the old primary is rebuilt as the
 * promoted server's standby while that server keeps taking writes, and failing back to it loses no row whose
 * insert returned. The rebuild's time and the WAL written meanwhile are printed: it must stay within what the
 * servers keep for a standby ({@code wal_keep_size}), and counts the rest of the 16 MB segment that
 * {@code pg_backup_stop} switches out of.
 */
class ReplicatedDatabaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void failingBackToTheRebuiltOriginalPrimaryShouldKeepEveryRowAcknowledgedBeforeAndDuringItsRebuild()
            throws Exception {
        ReplicatedDatabase database = ReplicatedDatabase.start();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        createTable(database.settings(), acknowledged);
        database.crashPrimary();
        database.promoteStandby();

        Inserter inserter = new Inserter(database.settings(), acknowledged);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<?> inserting = background.submit(inserter::insertUntilStopped);
            await("rows inserted on the promoted server").atMost(PATIENCE).until(() -> acknowledged.size() >= 200);
            String walBefore = currentWal(database.settings());
            int rowsBefore = acknowledged.size();
            long started = System.nanoTime();
            database.rebuildOldPrimaryAsStandby();
            double seconds = (System.nanoTime() - started) / 1e9;
            int rowsDuring = acknowledged.size() - rowsBefore;
            System.out.printf("failback drill: old primary rebuilt as a standby in %.2f s, %d rows acknowledged and"
                    + " %d kB of WAL written meanwhile%n", seconds, rowsDuring, walSince(database.settings(),
                    walBefore) / 1024);
            assertThat(rowsDuring).as("rows the promoted server acknowledged during the rebuild").isPositive();
            int afterRebuild = acknowledged.size();
            await("rows inserted once the rebuilt standby streams").atMost(PATIENCE)
                    .until(() -> acknowledged.size() >= afterRebuild + 100 || inserting.isDone());
            inserter.stop();
            inserting.get(30, TimeUnit.SECONDS);
        } finally {
            background.shutdownNow();
        }

        assertThat(inRecovery(database.standbySettings())).as("the rebuilt server in recovery").isTrue();
        assertThat(replicationStates(database.secondSiteSettings())).as("pg_stat_replication as perch_ha sees it")
                .containsExactly("sync");
        assertFailoverToolingNeedsNoSuperuser(database.secondSiteSettings());
        database.awaitStandbyCaughtUp();
        database.crashPrimary();
        database.promoteStandby();
        assertThat(missing(acknowledged, rows(database.firstSiteSettings())))
                .as("acknowledged rows missing on the original primary after the failback").isEmpty();
    }

    @Test
    void anAsynchronousPairShouldRebuildOnlyOnceFailedOverAndLoseNothingInAPlannedSwitchBack() throws Exception {
        ReplicatedDatabase database = ReplicatedDatabase.startAsynchronous();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        createTable(database.settings(), acknowledged);
        assertThatThrownBy(database::rebuildOldPrimaryAsStandby).as("the primary still runs")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("still runs");
        database.awaitStandbyCaughtUp();
        database.crashPrimary();
        assertThatThrownBy(database::rebuildOldPrimaryAsStandby).as("the standby is not promoted yet")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("promote the standby");
        database.promoteStandby();

        database.rebuildOldPrimaryAsStandby();
        assertThat(replicationStates(database.secondSiteSettings())).as("pg_stat_replication as perch_ha sees it")
                .containsExactly("async");
        Inserter inserter = new Inserter(database.settings(), acknowledged);
        inserter.insertRows(100);
        database.stopPrimary();
        database.promoteStandby();
        assertThat(rows(database.firstSiteSettings())).as("rows on the original primary after a planned switch back")
                .isEqualTo(acknowledged);
    }

    private static void createTable(PostgresSettings settings, Set<Integer> acknowledged) throws SQLException {
        try (Connection c = connect(settings); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE drill (n integer PRIMARY KEY)");
        }
        new Inserter(settings, acknowledged).insertRows(100);
    }

    /**
     * What failover tooling does as the database's own role, short of doing it: promote, turn writes off for the
     * whole server (ending its own role's sessions needs no grant). The grants were made on the original primary and must have come through both
     * promotions and the rebuild.
     */
    private static void assertFailoverToolingNeedsNoSuperuser(PostgresSettings settings) throws SQLException {
        try (Connection c = connect(settings); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT rolsuper,"
                     + " has_function_privilege(current_user, 'pg_promote(boolean,integer)', 'EXECUTE'),"
                     + " has_function_privilege(current_user, 'pg_reload_conf()', 'EXECUTE'),"
                     + " has_parameter_privilege(current_user, 'default_transaction_read_only', 'ALTER SYSTEM')"
                     + " FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("may run pg_promote").isTrue();
            assertThat(rs.getBoolean(3)).as("may make the server read its changed configuration").isTrue();
            assertThat(rs.getBoolean(4)).as("may ALTER SYSTEM default_transaction_read_only").isTrue();
        }
    }

    /** Each standby's sync_state, as the unprivileged role sees it: without pg_read_all_stats it sees nulls. */
    private static List<String> replicationStates(PostgresSettings settings) throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection c = connect(settings); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sync_state FROM pg_stat_replication")) {
            while (rs.next()) {
                states.add(rs.getString(1));
            }
        }
        return states;
    }

    private static boolean inRecovery(PostgresSettings settings) throws SQLException {
        try (Connection c = connect(settings); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** By set difference: AssertJ's containsAll scans every row for each expected one, seconds for a drill's rows. */
    private static Set<Integer> missing(Set<Integer> expected, Set<Integer> actual) {
        Set<Integer> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }

    private static Set<Integer> rows(PostgresSettings settings) throws SQLException {
        Set<Integer> rows = new HashSet<>();
        try (Connection c = connect(settings); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT n FROM drill")) {
            while (rs.next()) {
                rows.add(rs.getInt(1));
            }
        }
        return rows;
    }

    private static String currentWal(PostgresSettings settings) throws SQLException {
        try (Connection c = connect(settings); Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long walSince(PostgresSettings settings, String lsn) throws SQLException {
        try (Connection c = connect(settings); PreparedStatement statement = c.prepareStatement(
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)")) {
            statement.setString(1, lsn);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect(PostgresSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    /**
     * Inserts numbered rows one at a time, each in its own transaction, and records those whose insert returned;
     * a failed one (the server gone, say) is not recorded, and its number not reused, for it may have committed.
     */
    private static final class Inserter {
        private final PostgresSettings settings;
        private final Set<Integer> acknowledged;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private int next;

        Inserter(PostgresSettings settings, Set<Integer> acknowledged) {
            this.settings = settings;
            this.acknowledged = acknowledged;
            this.next = acknowledged.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        }

        /** Inserts rows on one connection, opening another when it fails, until {@link #stop()}. */
        void insertUntilStopped() {
            while (!stopped.get()) {
                try (Connection c = connect(settings)) {
                    while (!stopped.get()) {
                        insert(c);
                    }
                } catch (SQLException e) {
                    // The insert's fate is unknown; the next one, on a new connection, tells whether writes go on.
                }
            }
        }

        void insertRows(int count) throws SQLException {
            try (Connection c = connect(settings)) {
                for (int i = 0; i < count; i++) {
                    insert(c);
                }
            }
        }

        void stop() {
            stopped.set(true);
        }

        private void insert(Connection c) throws SQLException {
            int n = next++;
            try (PreparedStatement statement = c.prepareStatement("INSERT INTO drill (n) VALUES (?)")) {
                statement.setInt(1, n);
                statement.executeUpdate();
            }
            acknowledged.add(n);
        }
    }
}
