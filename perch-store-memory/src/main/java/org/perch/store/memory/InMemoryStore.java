package org.perch.store.memory;

import java.util.function.Supplier;
import org.perch.store.AccountStore;
import org.perch.store.RosterStore;
import org.perch.store.Store;
import org.perch.store.chat.AddinStore;
import org.perch.store.chat.CategoryStore;
import org.perch.store.chat.ConfigurationStore;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PolicyStore;
import org.perch.store.chat.RoomStore;
import org.perch.store.cluster.FeedListeners;
import org.perch.store.cluster.FeedSignal;
import org.perch.store.cluster.NodeRegistry;
import org.perch.store.cluster.PoolFeed;
import org.perch.store.cluster.TopologyStore;
import org.perch.store.compliance.ComplianceConfigurationStore;
import org.perch.store.compliance.ComplianceOutbox;
import org.perch.store.files.FileStore;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.pep.PepStore;

/** A store held in maps: thread-safe, fast, and forgotten on close. Use it in tests and for trying things out. */
public final class InMemoryStore implements Store {

    private final InMemoryRosterStore rosters = new InMemoryRosterStore();
    private final InMemoryPolicyStore policies = new InMemoryPolicyStore(jid -> accounts().find(jid).isPresent());
    private final InMemoryPepStore pep = new InMemoryPepStore();
    private final InMemoryTopicFeedStore topicFeeds = new InMemoryTopicFeedStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore(rosters, policies, pep, topicFeeds);
    private final InMemoryCategoryStore categories = new InMemoryCategoryStore();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final InMemoryRoomStore rooms = new InMemoryRoomStore(categories, history);
    private final InMemoryAddinStore addins = new InMemoryAddinStore();
    private final InMemoryConfigurationStore configuration = new InMemoryConfigurationStore();
    private final InMemoryComplianceOutbox outbox = new InMemoryComplianceOutbox();
    private final InMemoryComplianceConfigurationStore complianceConfiguration =
            new InMemoryComplianceConfigurationStore();
    private final InMemoryFileStore files = new InMemoryFileStore();
    private final InMemoryTopologyStore topology = new InMemoryTopologyStore();
    private final InMemoryNodeRegistry nodes = new InMemoryNodeRegistry();
    private final FeedListeners feedSignal = new FeedListeners();
    private final InMemoryPoolFeed feed = new InMemoryPoolFeed(feedSignal::wakeAll);

    /** An empty store. */
    public InMemoryStore() {
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

    /** Listeners are called on the appending thread, once the append (or its block) is published. */
    @Override
    public FeedSignal feedSignal() {
        return feedSignal;
    }

    /** Each change applies as it is made; only the block's outbox and feed events wait for it to return. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return feed.atomically(() -> outbox.atomically(work));
    }

    /** Nothing to release: the maps go with the last reference to this store. */
    @Override
    public void close() {
    }
}
