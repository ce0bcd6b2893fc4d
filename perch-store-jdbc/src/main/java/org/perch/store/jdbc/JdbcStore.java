package org.perch.store.jdbc;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.perch.store.AccountStore;
import org.perch.store.RosterStore;
import org.perch.store.Store;
import org.perch.store.StoreException;
import org.perch.store.chat.AddinStore;
import org.perch.store.chat.CategoryStore;
import org.perch.store.chat.ConfigurationStore;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PolicyStore;
import org.perch.store.chat.RoomStore;
import org.perch.store.cluster.FeedSignal;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolFeed;
import org.perch.store.cluster.TopologyStore;
import org.perch.store.compliance.ComplianceConfigurationStore;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.files.FileStore;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.pep.PepStore;

/**
 * A {@link Store} over a JDBC data source. Opening it migrates the schema (Flyway, scripts in
 * {@code classpath:db/perch}); every multi-statement change runs in one transaction.
 */
public final class JdbcStore implements Store {

    /** Where the migrations live on the class path. */
    public static final String MIGRATIONS = "classpath:db/perch";

    private final JdbcAccountStore accounts;
    private final JdbcRosterStore rosters;
    private final JdbcPepStore pep;
    private final JdbcTopicFeedStore topicFeeds;
    private final JdbcCategoryStore categories;
    private final JdbcRoomStore rooms;
    private final JdbcHistoryStore history;
    private final JdbcAddinStore addins;
    private final JdbcConfigurationStore configuration;
    private final JdbcPolicyStore policies;
    private final JdbcComplianceOutbox outbox;
    private final JdbcFileStore files;
    private final JdbcComplianceConfigurationStore complianceConfiguration;
    private final JdbcTopologyStore topology;
    private final JdbcNodeRegistry nodes;
    private final JdbcPoolFeed feed;
    private final FeedWakeUp wakeUp;
    private final Transactor tx;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcStore(DataSource dataSource, Runnable onClose, CommitBarrier barrier, FeedWakeUp wakeUp) {
        Transactor tx = new Transactor(dataSource, barrier);
        this.accounts = new JdbcAccountStore(tx);
        this.rosters = new JdbcRosterStore(tx);
        this.pep = new JdbcPepStore(tx);
        this.topicFeeds = new JdbcTopicFeedStore(tx);
        this.categories = new JdbcCategoryStore(tx);
        this.rooms = new JdbcRoomStore(tx);
        this.history = new JdbcHistoryStore(tx);
        this.addins = new JdbcAddinStore(tx);
        this.configuration = new JdbcConfigurationStore(tx);
        this.policies = new JdbcPolicyStore(tx);
        this.outbox = new JdbcComplianceOutbox(tx);
        this.files = new JdbcFileStore(tx);
        this.complianceConfiguration = new JdbcComplianceConfigurationStore(tx);
        this.topology = new JdbcTopologyStore(tx);
        this.nodes = new JdbcNodeRegistry(tx);
        this.feed = new JdbcPoolFeed(tx, wakeUp);
        this.wakeUp = wakeUp;
        this.tx = tx;
        this.onClose = onClose;
    }

    /**
     * Migrates the database behind {@code dataSource} to the current schema and returns a store over it.
     * {@code onClose} runs once, on the first {@link #close()}, after {@code wakeUp} is closed: it releases whatever
     * owns the data source (a pool, an embedded database). {@code barrier} runs after every write's commit;
     * {@code wakeUp} tells the pool feed's readers of appends and is the store's {@link #feedSignal()}.
     *
     * @throws StoreException if the schema cannot be migrated
     */
    public static JdbcStore open(DataSource dataSource, Runnable onClose, CommitBarrier barrier, FeedWakeUp wakeUp) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(onClose, "onClose");
        Objects.requireNonNull(barrier, "barrier");
        Objects.requireNonNull(wakeUp, "wakeUp");
        migrate(dataSource);
        return new JdbcStore(dataSource, onClose, barrier, wakeUp);
    }

    /** Like {@link #open(DataSource, Runnable, CommitBarrier, FeedWakeUp)} for a database only this process uses. */
    public static JdbcStore open(DataSource dataSource, Runnable onClose, CommitBarrier barrier) {
        return open(dataSource, onClose, barrier, FeedWakeUp.inProcess());
    }

    /** Like {@link #open(DataSource, Runnable, CommitBarrier)} for a database whose commit is durable. */
    public static JdbcStore open(DataSource dataSource, Runnable onClose) {
        return open(dataSource, onClose, CommitBarrier.NONE);
    }

    /** Like {@link #open(DataSource, Runnable)} for a data source whose owner closes it. */
    public static JdbcStore open(DataSource dataSource) {
        return open(dataSource, () -> { });
    }

    private static void migrate(DataSource dataSource) {
        try {
            // Our class loader, not the thread's context loader: the scripts ship in this module's jar.
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("could not migrate the store schema", e);
        }
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public RosterStore rosters() {
        return rosters;
    }

    @Override
    public PepStore pep() {
        return pep;
    }

    @Override
    public TopicFeedStore topicFeeds() {
        return topicFeeds;
    }

    @Override
    public CategoryStore categories() {
        return categories;
    }

    @Override
    public RoomStore rooms() {
        return rooms;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public AddinStore addins() {
        return addins;
    }

    @Override
    public ConfigurationStore configuration() {
        return configuration;
    }

    @Override
    public PolicyStore policies() {
        return policies;
    }

    @Override
    public ComplianceOutbox outbox() {
        return outbox;
    }

    @Override
    public FileStore files() {
        return files;
    }

    @Override
    public ComplianceConfigurationStore complianceConfiguration() {
        return complianceConfiguration;
    }

    @Override
    public TopologyStore topology() {
        return topology;
    }

    @Override
    public NodeRegistry nodes() {
        return nodes;
    }

    @Override
    public PoolFeed feed() {
        return feed;
    }

    @Override
    public FeedSignal feedSignal() {
        return wakeUp;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return tx.atomically(work);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                wakeUp.close();
            } finally {
                onClose.run();
            }
        }
    }
}
