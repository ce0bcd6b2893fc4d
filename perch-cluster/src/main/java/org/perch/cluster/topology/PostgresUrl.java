package org.perch.cluster.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The parts of a PostgreSQL JDBC URL that say which database it reaches:
 * {@code jdbc:postgresql://host[:port][,host[:port]…]/database[?parameters]}. Several hosts are a primary and its
 * standbys (ARCHITECTURE D7); two URLs reach the same database when they share a host and port and name the same
 * database.
 *
 * @param hosts each {@code host:port}, the host in lower case, the port 5432 when the URL gives none
 */
record PostgresUrl(List<String> hosts, String database) {

    static final String PREFIX = "jdbc:postgresql://";
    static final String FORM = PREFIX + "host[:port]/database";
    private static final int DEFAULT_PORT = 5432;

    PostgresUrl {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(database, "database");
    }

    /**
     * The URL's hosts and database.
     *
     * @throws IllegalArgumentException saying what is wrong, if {@code url} is not of the form above
     */
    static PostgresUrl parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("it does not start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        int slash = location.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no /database after the host");
        }
        String database = location.substring(slash + 1);
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("'" + database + "' after the host is not a database name");
        }
        List<String> hosts = new ArrayList<>();
        for (String hostPort : location.substring(0, slash).split(",", -1)) {
            hosts.add(hostPort(hostPort));
        }
        return new PostgresUrl(hosts, database);
    }

    /**
     * Whether the URL carries credentials (a password parameter, or {@code user:password@} before the host), which
     * belong in the password file: such a URL must not be repeated in any message.
     */
    static boolean carriesCredentials(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        return lower.substring(0, query < 0 ? lower.length() : query).contains("@")
                || (query >= 0 && lower.substring(query).matches(".*[?&]password=.*"));
    }

    boolean sameDatabase(PostgresUrl other) {
        return database.equals(other.database) && hosts.stream().anyMatch(other.hosts::contains);
    }

    private static String hostPort(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' opens an IPv6 address with [ and does not close it");
            }
            host = text.substring(1, close);
            String after = text.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException("'" + after + "' after the IPv6 address " + host);
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = text.indexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? "" : text.substring(colon + 1);
        }
        if (!DnsNames.isHost(host)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or IP address");
        }
        return host.toLowerCase(Locale.ROOT) + ":" + port(port);
    }

    private static int port(String text) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65_535) {
            throw new IllegalArgumentException("port '" + text + "' is not a number from 1 to 65535");
        }
        return Integer.parseInt(text);
    }
}
