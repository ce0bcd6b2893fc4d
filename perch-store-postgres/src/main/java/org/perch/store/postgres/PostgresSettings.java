package org.perch.store.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a PostgreSQL database is and how to log in to it: a {@code jdbc:postgresql://} URL, a role and its
 * password, and the most connections a pool may hold. The password is never shown: not in {@link #toString()},
 * not in an error, and the URL may not carry one (so the URL can be logged and quoted in errors).
 *
 * @param url             {@code jdbc:postgresql://host[:port][,host2[:port]]/database[?parameters]}
 * @param user            the role to log in as
 * @param password        its password; empty for a server that does not ask for one
 * @param maximumPoolSize the most connections each pool opened with these settings holds
 */
public record PostgresSettings(String url, String user, String password, int maximumPoolSize) {

    public static final String URL_PREFIX = "jdbc:postgresql://";
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 16;

    public PostgresSettings {
        requireUrl(url);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (password == null) {
            throw new IllegalArgumentException("password must not be null (an empty one means none)");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
        }
    }

    /** Settings with the default pool size ({@value #DEFAULT_MAXIMUM_POOL_SIZE}). */
    public PostgresSettings(String url, String user, String password) {
        this(url, user, password, DEFAULT_MAXIMUM_POOL_SIZE);
    }

    /**
     * Settings whose password is the content of {@code passwordFile} (one line; a final line break is not part of
     * it), so that it need not stand in a configuration file or on a command line.
     *
     * @throws IllegalArgumentException if the file does not exist, cannot be read or is empty; the message names
     *     the path, never the content
     */
    public static PostgresSettings withPasswordFile(String url, String user, Path passwordFile, int maximumPoolSize) {
        return new PostgresSettings(url, user, readPassword(passwordFile), maximumPoolSize);
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url + ", user=" + user + ", password=(hidden), maximumPoolSize="
                + maximumPoolSize + "]";
    }

    private static void requireUrl(String url) {
        if (url == null || !url.startsWith(URL_PREFIX) || url.length() == URL_PREFIX.length()) {
            // Not quoted: a mistyped URL may hold a password.
            throw new IllegalArgumentException("url must start with " + URL_PREFIX + " and name a host");
        }
        int path = url.indexOf('/', URL_PREFIX.length());
        String hosts = url.substring(URL_PREFIX.length(), path < 0 ? url.length() : path);
        if (hosts.contains("@")) {
            throw new IllegalArgumentException("url must not hold a user or password before the host; set user and"
                    + " password instead");
        }
        int query = url.indexOf('?');
        if (query >= 0 && url.substring(query).toLowerCase(Locale.ROOT).contains("password")) {
            throw new IllegalArgumentException("url must not hold a password parameter; set password instead");
        }
    }

    private static String readPassword(Path passwordFile) {
        if (passwordFile == null) {
            throw new IllegalArgumentException("passwordFile must not be null");
        }
        if (!Files.isRegularFile(passwordFile)) {
            throw new IllegalArgumentException("passwordFile " + passwordFile + " does not exist or is not a file");
        }
        if (!Files.isReadable(passwordFile)) {
            throw new IllegalArgumentException("passwordFile " + passwordFile + " is not readable");
        }
        String content;
        try {
            content = Files.readString(passwordFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("passwordFile " + passwordFile + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        String password = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if (password.isEmpty()) {
            throw new IllegalArgumentException("passwordFile " + passwordFile + " is empty");
        }
        if (password.contains("\n")) {
            throw new IllegalArgumentException("passwordFile " + passwordFile + " has more than one line");
        }
        return password;
    }
}
