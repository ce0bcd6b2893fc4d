package org.perch.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perch.store.Store;
import org.perch.store.cluster.NewPoolEvent;
import org.perch.store.cluster.PoolEventKind;
import org.slf4j.LoggerFactory;

/**
 * The pool feed's wake-up between nodes: two stores over one database, as two servers of a pool have, and the
 * listening connection lost, refused and closed.
 */
class PostgresFeedSignalTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    private final PostgresSettings database = TestPostgres.freshDatabase();
    private final Logger log = (Logger) LoggerFactory.getLogger(PostgresFeedSignal.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void captureTheSignalsLog() {
        // Appended to by the signal's thread while the test reads it.
        logged.list = new CopyOnWriteArrayList<>();
        logged.start();
        log.addAppender(logged);
        log.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseTheSignalsLog() {
        log.detachAppender(logged);
        log.setLevel(null);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains(database.password()));
    }

    private static void append(Store store) {
        store.feed().append(List.of(new NewPoolEvent("fe1", Optional.empty(), PoolEventKind.SERVER_GONE, "fe9", "",
                Instant.now())));
    }

    @Test
    void anAppendThroughOneNodeShouldWakeAListenerOfAnother() {
        try (Store writer = PostgresStore.open(database); Store reader = PostgresStore.open(database)) {
            reader.feedSignal().listen(calls::incrementAndGet);

            append(writer);

            await().atMost(SOON).until(() -> calls.get() >= 1);
            assertThat(reader.feed().after(0, 10)).hasSize(1);
        }
    }

    @Test
    void aListenerWhoseConnectionWasKilledShouldBeCalledOnceListeningAgainAndHearLaterAppends() throws SQLException {
        try (Store writer = PostgresStore.open(database); Store reader = PostgresStore.open(database);
             Connection admin = connect()) {
            reader.feedSignal().listen(calls::incrementAndGet);

            terminateListeners(admin);

            shouldBeCalledOnceListeningAgainThenForTheNextAppend(writer);
        }
    }

    @Test
    void aLostConnectionShouldBeLoggedOnceHoweverManyReconnectionsFail() throws SQLException {
        try (Store writer = PostgresStore.open(database); Store reader = PostgresStore.open(database);
             Connection admin = connect()) {
            reader.feedSignal().listen(calls::incrementAndGet);
            allowConnections(admin, false);

            terminateListeners(admin);
            await().atMost(SOON).until(() -> count("Could not listen for pool feed appends at {} yet ({})") >= 2);
            allowConnections(admin, true);

            shouldBeCalledOnceListeningAgainThenForTheNextAppend(writer);
            assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(ILoggingEvent::getMessage)
                    .containsExactly("Lost the connection that listens for pool feed appends at {} ({}); reconnecting");
        }
    }

    @Test
    void aListenerThatCouldNotConnectAtFirstShouldBeCalledOnceItCan() throws SQLException {
        try (Store writer = PostgresStore.open(database); Store reader = PostgresStore.open(database);
             Connection admin = connect()) {
            allowConnections(admin, false);

            reader.feedSignal().listen(calls::incrementAndGet);
            allowConnections(admin, true);

            shouldBeCalledOnceListeningAgainThenForTheNextAppend(writer);
        }
    }

    @Test
    void closingTheStoreShouldStopTheListeningThreadAndConnection() throws SQLException {
        Store store = PostgresStore.open(database);
        store.feedSignal().listen(calls::incrementAndGet);
        try (Connection admin = connect()) {
            assertThat(listeners(admin)).isEqualTo(1);

            store.close();

            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .doesNotContain(PostgresFeedSignal.APPLICATION_NAME);
            await().atMost(SOON).until(() -> listeners(admin) == 0);
            assertThatThrownBy(() -> store.feedSignal().listen(calls::incrementAndGet))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        }
    }

    /** The call that says "you may have missed appends", then the one for an append made once listening again. */
    private void shouldBeCalledOnceListeningAgainThenForTheNextAppend(Store writer) {
        await().atMost(SOON).until(() -> calls.get() == 1);
        append(writer);
        await().atMost(SOON).until(() -> calls.get() == 2);
    }

    /**
     * A connection to the server's maintenance database, apart from the nodes': a database refuses to stop
     * accepting connections at the request of one of its own.
     */
    private Connection connect() throws SQLException {
        String url = database.url();
        int query = url.indexOf('?');
        String parameters = query < 0 ? "" : url.substring(query);
        String server = url.substring(0, url.lastIndexOf('/', query < 0 ? url.length() : query));
        return DriverManager.getConnection(server + "/postgres" + parameters, database.user(), database.password());
    }

    /** The nodes' database. */
    private String name() {
        String url = database.url();
        int query = url.indexOf('?');
        return url.substring(url.lastIndexOf('/', query < 0 ? url.length() : query) + 1,
                query < 0 ? url.length() : query);
    }

    private long count(String message) {
        return logged.list.stream().filter(e -> e.getMessage().equals(message)).count();
    }

    private void terminateListeners(Connection admin) throws SQLException {
        assertThat(ofListeners(admin, "pg_terminate_backend(pid)")).as("one listening connection, terminated")
                .containsExactly(true);
    }

    private int listeners(Connection admin) throws SQLException {
        return ofListeners(admin, "pid").size();
    }

    /** {@code column} of each connection listening to the nodes' database, as {@code pg_stat_activity} shows it. */
    private List<Object> ofListeners(Connection admin, String column) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT " + column + " FROM pg_stat_activity"
                + " WHERE datname = ? AND application_name = ?")) {
            ps.setString(1, name());
            ps.setString(2, PostgresFeedSignal.APPLICATION_NAME);
            List<Object> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        }
    }

    /** Connections already made stay; new ones are refused while false, the listener's reconnections included. */
    private void allowConnections(Connection admin, boolean allowed) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + name() + " WITH ALLOW_CONNECTIONS " + allowed);
        }
    }
}
