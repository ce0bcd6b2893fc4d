package org.perch.store.h2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.jdbc.JdbcComplianceRecord;
import org.perch.store.jdbc.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded store: an H2 file database at {@code <dataDir>/store/perch}.
 *
 * <p>The database runs in H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}): the first process to open it
 * (normally the server) hosts it, and a second process (the {@code perch user add} CLI) reaches it through a
 * TCP server H2 starts on demand. That server listens on loopback only ({@code h2.bindAddress}), and the
 * database has a random password kept in {@code <dataDir>/store/credentials}, readable by its owner only.
 */
public final class H2Store {

    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    static final String USER = "perch";
    /** How long H2 keeps a chunk it no longer needs before reusing its space; see {@link H2Sync}. */
    static final long RETENTION_MILLIS = 5_000;
    private static final int MAX_CONNECTIONS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(H2Store.class);

    static {
        // H2 reads this once, when SysProperties loads, so it must be set before any H2 class is touched;
        // open() checks it took effect.
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
        }
    }

    private H2Store() {
    }

    /**
     * Opens (creating on first use) the store in {@code dataDir}, migrating its schema. Closing the returned
     * store closes the database cleanly once no other process is using it.
     *
     * @throws StoreException if the directory, the credentials or the database cannot be opened, or if H2 was
     *     loaded before this class with its automatic server bound beyond loopback
     */
    public static Store open(Path dataDir) {
        return open(dataDir.toAbsolutePath().resolve("store"), "store",
                (pool, onClose) -> JdbcStore.open(pool, onClose, H2Sync.BARRIER));
    }

    /**
     * Opens (creating on first use) the compliance database in {@code dataDir}: a database of its own, in the
     * {@code compliance} directory beside the store's, with its own credentials (spec §10.2).
     *
     * @throws StoreException as {@link #open(Path)}
     */
    public static ComplianceRecord openComplianceRecord(Path dataDir) {
        return open(dataDir.toAbsolutePath().resolve("compliance"), "compliance database",
                (pool, onClose) -> JdbcComplianceRecord.open(pool, onClose, H2Sync.BARRIER));
    }

    /** How a database is made over the pool; {@code onClose} releases the pool and the sync thread. */
    private interface Opener<T> {
        T open(JdbcConnectionPool pool, Runnable onClose);
    }

    private static <T> T open(Path dir, String what, Opener<T> opener) {
        requireLoopbackBinding();
        if (dir.toString().contains(";")) {
            throw new StoreException("the data directory may not contain ';' (H2 URL syntax): " + dir);
        }
        String password;
        try {
            Files.createDirectories(dir);
            password = H2Password.loadOrCreate(dir.resolve("credentials"));
        } catch (IOException e) {
            throw new StoreException("could not prepare the " + what + " directory " + dir, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir), USER, password);
        pool.setMaxConnections(MAX_CONNECTIONS);
        H2Sync sync = new H2Sync(pool);
        try {
            T opened = opener.open(pool, () -> {
                sync.close();
                pool.dispose();
            });
            sync.start();
            LOG.info("Opened the H2 {} at {}", what, dir.resolve("perch"));
            return opened;
        } catch (RuntimeException e) {
            sync.close();
            pool.dispose();
            throw new StoreException("could not open the H2 " + what + " at " + dir
                    + " (was it created with the password in its credentials file?)", e);
        }
    }

    /**
     * AUTO_SERVER: share the file with a second process. LOCK_TIMEOUT: writers to one roster queue on a row
     * lock; 10 s rides out a burst. RETENTION_TIME: see {@link H2Sync}; H2's default (45 s) assumes nobody
     * syncs, and lets the file grow by 45 seconds' worth of rewritten pages.
     *
     * <p>WRITE_DELAY stays at H2's default (500 ms): the delay itself does not matter, as every write is put on
     * disk by {@link H2Sync#BARRIER} before it returns, but a non-zero delay is what runs H2's background thread,
     * and that thread is the only one that compacts the file. With WRITE_DELAY=0 a busy file grew by some 18 KB
     * for every message stored (see docs/benchmarks.md).
     */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("perch") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;RETENTION_TIME="
                + RETENTION_MILLIS;
    }

    private static void requireLoopbackBinding() {
        String bind = SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bind != null && InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new StoreException("H2's automatic server would listen on " + (bind == null ? "every interface"
                    : bind) + "; start the JVM with -D" + BIND_ADDRESS_PROPERTY + "=127.0.0.1");
        }
    }
}
