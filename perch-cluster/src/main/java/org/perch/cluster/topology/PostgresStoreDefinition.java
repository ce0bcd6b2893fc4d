package org.perch.cluster.topology;

import java.util.Objects;

/**
 * A PostgreSQL database, shared by every server of the pool.
 *
 * @param name the store's name in the topology
 * @param url {@code jdbc:postgresql://host[:port][,host[:port]…]/database[?parameters]}
 * @param user the database user
 * @param passwordFile the absolute path of the file holding the user's password, read by the servers only
 */
public record PostgresStoreDefinition(String name, String url, String user, String passwordFile)
        implements StoreDefinition {

    public static final String KIND = "postgresql";

    public PostgresStoreDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    /** Withholds what a mistaken file may have put in place of a password: a URL with credentials, a bare word. */
    @Override
    public String toString() {
        return "PostgresStoreDefinition[name=" + name + ", url="
                + (PostgresUrl.carriesCredentials(url) ? "(withheld: it carries credentials)" : url) + ", user=" + user
                + ", passwordFile=" + (PosixPaths.isAbsolute(passwordFile) ? passwordFile : "(withheld: not a path)")
                + "]";
    }
}
