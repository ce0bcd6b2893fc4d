package org.perch.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.perch.cluster.topology.EmbeddedStoreDefinition;
import org.perch.cluster.topology.PostgresStoreDefinition;
import org.perch.cluster.topology.StoreDefinition;
import org.perch.search.lucene.LuceneMessageIndex;
import org.perch.server.config.PerchConfig;
import org.perch.server.config.StoreConfig;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.chat.MessageIndex;
import org.perch.store.h2.H2Store;
import org.perch.store.postgres.PostgresSettings;
import org.perch.store.postgres.PostgresStore;

/**
 * Opens the store the configuration names, for the server and for the commands that work on the store directly
 * ({@code perch user}, {@code perch data}, {@code perch topology show}, {@code perch pool status}): H2 in the data
 * directory, or the pool's PostgreSQL database.
 */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens the chat store.
     *
     * @throws StoreException if it cannot be opened; for PostgreSQL also if the password file cannot be read
     */
    public static Store open(PerchConfig config) {
        return switch (config.store()) {
            case StoreConfig.Embedded e -> H2Store.open(config.dataDir());
            case StoreConfig.Postgres p -> PostgresStore.open(settings(p));
        };
    }

    /**
     * Opens the chat store for a command that only reads it: an embedded store that does not exist yet is not
     * created (a status command must not leave a database behind a mistyped {@code --data-dir}).
     *
     * @throws StoreException if there is no embedded store in the data directory, or as {@link #open}
     */
    public static Store openExisting(PerchConfig config) {
        if (config.store() instanceof StoreConfig.Embedded && !Files.isDirectory(config.dataDir().resolve("store"))) {
            throw new StoreException("there is no store in " + config.dataDir() + " (no server has run there)");
        }
        return open(config);
    }

    /** The full-text index: Lucene in {@code <data-dir>/search}, or PostgreSQL's, shared by the pool. */
    static MessageIndex openIndex(PerchConfig config) {
        return switch (config.store()) {
            case StoreConfig.Embedded e -> LuceneMessageIndex.open(ChatRuntime.searchDir(config.dataDir()));
            case StoreConfig.Postgres p -> PostgresStore.openMessageIndex(settings(p));
        };
    }

    /** The store this server was configured with, as a topology would define it, to compare the two. */
    public static StoreDefinition definition(PerchConfig config) {
        return switch (config.store()) {
            case StoreConfig.Embedded e -> new EmbeddedStoreDefinition("(this server's store)",
                    config.dataDir().toString());
            case StoreConfig.Postgres p -> new PostgresStoreDefinition("(this server's store)", p.url(), p.user(),
                    p.passwordFile().toString());
        };
    }

    /** Where the store is, for the start-up summary; never the password. */
    public static String describe(PerchConfig config) {
        return switch (config.store()) {
            case StoreConfig.Embedded e -> "embedded H2 in " + config.dataDir().resolve("store");
            case StoreConfig.Postgres p -> "PostgreSQL " + p.url() + " as " + p.user();
        };
    }

    /**
     * The settings of a PostgreSQL store the topology defines (a pool's compliance store, a store to publish to),
     * with the password read from its file on this machine.
     *
     * @throws StoreException naming the store if the password file cannot be read
     */
    public static PostgresSettings settings(PostgresStoreDefinition store, int connections) {
        try {
            return PostgresSettings.withPasswordFile(store.url(), store.user(), Path.of(store.passwordFile()),
                    connections);
        } catch (IllegalArgumentException e) {
            throw new StoreException("store '" + store.name() + "': " + e.getMessage(), e);
        }
    }

    static PostgresSettings settings(StoreConfig.Postgres p) {
        try {
            return PostgresSettings.withPasswordFile(p.url(), p.user(), p.passwordFile(), p.poolSize());
        } catch (IllegalArgumentException e) {
            throw new StoreException("store.password-file: " + e.getMessage(), e);
        }
    }
}
