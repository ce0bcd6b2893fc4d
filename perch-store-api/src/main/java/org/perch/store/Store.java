package org.perch.store;

import java.util.function.Supplier;
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
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.files.FileStore;
import org.perch.store.pep.PepStore;

/**
 * One opened store: the entry point a backend hands to the rest of the server. Closing it releases its files
 * and connections; data written before close survives a restart.
 */
public interface Store extends AutoCloseable {

    AccountStore accounts();

    RosterStore rosters();

    /** Each account's PEP nodes and items (XEP-0163). */
    PepStore pep();

    /** Each account's topic-feed filters and the feed of messages they matched. */
    TopicFeedStore topicFeeds();

    CategoryStore categories();

    RoomStore rooms();

    HistoryStore history();

    AddinStore addins();

    ConfigurationStore configuration();

    PolicyStore policies();

    ComplianceOutbox outbox();

    /** The catalogue of uploaded files (XEP-0363). */
    FileStore files();

    ComplianceConfigurationStore complianceConfiguration();

    /** The pool topology published to this store. */
    TopologyStore topology();

    /** The servers of the pool running over this store, by their heartbeats. */
    NodeRegistry nodes();

    /** The pool feed: the room events every server of the pool reads, in the order they commit. */
    PoolFeed feed();

    /**
     * Wakes this process's readers of {@link #feed()} when it grows, whichever server appended (PostgreSQL reaches
     * every server of the pool; an embedded store only its own process). Belongs to this store: it stops when the
     * store closes.
     */
    FeedSignal feedSignal();

    /**
     * Runs {@code work} so that the changes it makes through this store commit together, once it returns, or not
     * at all if it throws: how a compliance event is captured with the change it records. A block inside a block
     * joins the outer one. Backends without transactions (the in-memory store) apply each change as it is made and
     * keep only the outbox and pool feed events of a block that returns.
     */
    <T> T atomically(Supplier<T> work);

    @Override
    void close();
}
