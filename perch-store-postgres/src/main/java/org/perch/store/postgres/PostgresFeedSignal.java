package org.perch.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.perch.store.cluster.FeedListeners;
import org.perch.store.jdbc.FeedWakeUp;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool feed's wake-up over PostgreSQL LISTEN/NOTIFY: each append sends a notification on {@value #CHANNEL} in
 * its transaction (so it leaves at commit, and never for an append rolled back), and every server of the pool hears
 * it on a connection of its own that LISTENs, outside the store's pool (a pooled connection would be handed back,
 * and with it the LISTEN).
 *
 * <p>That connection and the thread that waits on it start with the first listener. The thread calls the listeners
 * for each batch of notifications it receives. If the connection is lost it reconnects, waiting longer after each
 * failure, and once listening again calls every listener (appends may have committed meanwhile, unheard); the loss
 * is logged once, not at every failed attempt. Every {@value #IDLE_CHECK_SECONDS} s without a notification it
 * checks the connection, so a peer gone silent is noticed too.
 */
final class PostgresFeedSignal implements FeedWakeUp {

    static final String CHANNEL = "perch_pool_feed";
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "perch-feed-listener";
    private static final int IDLE_CHECK_SECONDS = 10;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFeedSignal.class);

    private final PostgresSettings settings;
    private final FeedListeners listeners = new FeedListeners();
    private final CountDownLatch closing = new CountDownLatch(1);
    /** The listening connection while there is one; the waiting thread owns it, close() only closes it. */
    private volatile Connection connection;
    private Thread waiter;

    PostgresFeedSignal(PostgresSettings settings) {
        this.settings = settings;
    }

    @Override
    public void announce(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, CHANNEL);
            ps.execute();
        }
    }

    /**
     * The first listener starts listening before this returns, so it hears every append that commits after; if
     * the database cannot be reached then, the thread keeps trying and calls the listeners once it can.
     */
    @Override
    public synchronized Listening listen(Runnable onAppend) {
        if (closed()) {
            throw new IllegalStateException("the pool feed signal of " + settings.url() + " is closed");
        }
        Listening listening = listeners.listen(onAppend);
        if (waiter == null) {
            try {
                connection = connect();
            } catch (SQLException e) {
                LOG.warn("Could not listen for pool feed appends at {} ({}); retrying", settings.url(), reason(e));
            }
            waiter = Thread.ofPlatform().daemon().name(APPLICATION_NAME).start(this::waitForNotifications);
        }
        return listening;
    }

    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            closing.countDown();
            stopping = waiter;
        }
        closeQuietly(connection);
        if (stopping != null) {
            try {
                stopping.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The waiting thread's loop: {@code connection} is null while it is lost. */
    private void waitForNotifications() {
        Duration retry = FIRST_RETRY;
        while (!closed()) {
            if (connection == null) {
                if (!pause(retry) || !reconnect()) {
                    retry = min(retry.multipliedBy(2), LONGEST_RETRY);
                    continue;
                }
                retry = FIRST_RETRY;
                listeners.wakeAll();
            }
            try {
                receive();
            } catch (SQLException e) {
                if (!closed()) {
                    LOG.warn("Lost the connection that listens for pool feed appends at {} ({}); reconnecting",
                            settings.url(), reason(e));
                }
                closeQuietly(connection);
                connection = null;
            }
        }
        closeQuietly(connection);
    }

    /** Waits for notifications once, and calls the listeners if any came. */
    private void receive() throws SQLException {
        PGNotification[] received = connection.unwrap(PGConnection.class)
                .getNotifications((int) TimeUnit.SECONDS.toMillis(IDLE_CHECK_SECONDS));
        if (received != null && received.length > 0) {
            listeners.wakeAll();
        } else if (!connection.isValid(IDLE_CHECK_SECONDS)) {
            throw new SQLException("the connection stopped answering", "08006");
        }
    }

    /** Connects again; a failure is only logged at debug level: the loss was logged once already. */
    private boolean reconnect() {
        try {
            connection = connect();
        } catch (SQLException e) {
            LOG.debug("Could not listen for pool feed appends at {} yet ({})", settings.url(), reason(e));
            return false;
        }
        if (closed()) {
            // close() may have run while this connected, before it could see the new connection.
            closeQuietly(connection);
            return false;
        }
        LOG.info("Listening for pool feed appends at {} again", settings.url());
        return true;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection c = DriverManager.getConnection(settings.url(), properties);
        try (Statement statement = c.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    /** Waits {@code delay} unless closed meanwhile; returns whether to go on. */
    private boolean pause(Duration delay) {
        try {
            return !closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Only close() stops this thread; an interrupt from elsewhere ends the pause early.
            return !closed();
        }
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String reason(SQLException e) {
        return "SQLState " + e.getSQLState() + ", " + e.getMessage();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing a connection that is already broken: nothing is left to release.
            }
        }
    }
}
