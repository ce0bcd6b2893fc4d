package org.perch.store.postgres;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL for tests, in this module and others (it ships in this module's test-jar): one server per JVM, and a
 * new, empty database for each caller of {@link #freshDatabase()}, so tests never see each other's data.
 *
 * <p>The server is {@link LocalPostgres}, started on first use, unless the environment variable
 * {@value #URL_VARIABLE} names one of your own: {@code jdbc:postgresql://host:port/postgres?user=…&password=…}, a
 * role that may create databases. Databases made on such a server are dropped when the JVM exits.
 *
 * <p>On the local server the databases belong to {@value #ROLE}, a role that may create databases and nothing
 * more, so every test also shows that the store needs no superuser.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "PERCH_TEST_POSTGRES_URL";
    static final String ROLE = "perch_test";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Queue<String> MADE_ON_OWN_SERVER = new ConcurrentLinkedQueue<>();
    private static Server server;

    private TestPostgres() {
    }

    /**
     * Where a test server is: its URL up to the database name, the query parameters to keep, the database to
     * connect to when making others, and the role the tests use.
     */
    private record Server(String hosts, String parameters, String maintenanceDatabase, String user, String password) {

        String url(String database) {
            return hosts + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(maintenanceDatabase), user, password);
        }

        @Override
        public String toString() {
            return "TestPostgres.Server[" + url(maintenanceDatabase) + " as " + user + "]";
        }
    }

    /** Settings of a new, empty database on this JVM's test server, for the caller alone. */
    public static PostgresSettings freshDatabase() {
        Server s = server();
        String name = "perch_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = s.connect(); Statement statement = c.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name + " on " + s, e);
        }
        if (System.getenv(URL_VARIABLE) != null) {
            MADE_ON_OWN_SERVER.add(name);
        }
        return new PostgresSettings(s.url(name), s.user(), s.password());
    }

    private static synchronized Server server() {
        if (server == null) {
            String own = System.getenv(URL_VARIABLE);
            server = own == null ? local() : own(own);
        }
        return server;
    }

    private static Server local() {
        try {
            LocalPostgres.Server local = LocalPostgres.start();
            String hosts = "jdbc:postgresql://127.0.0.1:" + local.port();
            String password = LocalPostgres.randomSecret();
            Server superuser = new Server(hosts, "", "postgres", LocalPostgres.SUPERUSER, local.superuserPassword());
            try (Connection c = superuser.connect(); Statement statement = c.createStatement()) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD '" + password + "'");
            }
            return new Server(hosts, "", "postgres", ROLE, password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the test PostgreSQL server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test PostgreSQL server", e);
        }
    }

    /** The server {@value #URL_VARIABLE} names; its user and password parameters become the settings' own. */
    private static Server own(String url) {
        int query = url.indexOf('?');
        int slash = url.lastIndexOf('/', query < 0 ? url.length() : query);
        if (!url.startsWith(PostgresSettings.URL_PREFIX) || slash < PostgresSettings.URL_PREFIX.length()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like " + PostgresSettings.URL_PREFIX
                    + "host:port/database?user=…&password=…");
        }
        String user = null;
        String password = null;
        List<String> kept = new ArrayList<>();
        for (String parameter : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
            String name = parameter.substring(0, Math.max(parameter.indexOf('='), 0));
            String value = URLDecoder.decode(parameter.substring(parameter.indexOf('=') + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> kept.add(parameter);
            }
        }
        if (user == null || password == null) {
            throw new IllegalStateException(URL_VARIABLE + " must have user and password parameters");
        }
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropOwnServersDatabases, "perch-test-drop"));
        return new Server(url.substring(0, slash), String.join("&", kept), database.isEmpty() ? "postgres" : database,
                user, password);
    }

    private static void dropOwnServersDatabases() {
        try (Connection c = server.connect(); Statement statement = c.createStatement()) {
            for (String name : MADE_ON_OWN_SERVER) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + MADE_ON_OWN_SERVER + ": " + e);
        }
    }
}
