package org.perch.server.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where the chat store is: embedded in the data directory (one server), or a PostgreSQL database (a pool). */
public sealed interface StoreConfig {

    /** H2 and Lucene in {@code <data-dir>}, as Lync Standard Edition kept SQL Express on the front end. */
    record Embedded() implements StoreConfig {
    }

    /**
     * A PostgreSQL database shared by the servers of one pool.
     *
     * @param url a {@code jdbc:postgresql://host[:port]/database} URL
     * @param user the database role
     * @param passwordFile the file holding the role's password (never the password itself: it would be in the
     *                     configuration file, the environment or the process list)
     * @param poolSize connections this server holds open at most
     */
    record Postgres(String url, String user, Path passwordFile, int poolSize) implements StoreConfig {
        public Postgres {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(passwordFile, "passwordFile");
        }
    }
}
