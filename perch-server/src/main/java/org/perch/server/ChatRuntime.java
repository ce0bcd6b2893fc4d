package org.perch.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.perch.compliance.ComplianceControl;
import org.perch.compliance.ComplianceRuntime;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.domain.chat.Attachments;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.domain.chat.HistoryWriter;
import org.perch.domain.chat.MessageFeed;
import org.perch.domain.chat.RoomEventBus;
import org.perch.domain.chat.RoomModeration;
import org.perch.domain.chat.RoomSearch;
import org.perch.domain.chat.SearchIndexer;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.domain.files.FileSettings;
import org.perch.domain.files.FileSharing;
import org.perch.server.config.PerchConfig;
import org.perch.server.config.PoolMember;
import org.perch.server.config.StoreConfig;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.MessageIndex;
import org.perch.store.cluster.PoolEventKind;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.xmpp.muc.ChatServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent chat, assembled: the rooms under the Lync rules, the history writer, and the full-text index
 * ({@link Stores#openIndex}), brought up to date with history before the server takes connections. Closing it
 * stores what is queued, indexes it, and closes the index; the store is closed by its owner afterwards.
 */
final class ChatRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatRuntime.class);

    /** How often captured compliance events move from the chat store's outbox into the compliance database. */
    private static final Duration COMPLIANCE_MOVE_EVERY = Duration.ofSeconds(1);
    /**
     * Ids before the shared index's last one that a pool server indexes again on start: more than the pool stores
     * while one server's batch goes from stored to indexed (SearchIndexer#catchUp(long)).
     */
    private static final long POOL_INDEX_OVERLAP = 10_000;
    /** The name a server outside a pool keeps its topic-feed position under. */
    private static final String SINGLE_SERVER = "embedded";

    private final ChatServices services;
    private final SearchIndexer indexer;
    private final MessageIndex index;
    private final ComplianceRuntime compliance;
    private final Optional<FileSweeper> sweeper;

    private ChatRuntime(ChatServices services, SearchIndexer indexer, MessageIndex index,
                        ComplianceRuntime compliance, Optional<FileSweeper> sweeper) {
        this.sweeper = sweeper;
        this.services = services;
        this.indexer = indexer;
        this.index = index;
        this.compliance = compliance;
    }

    /**
     * @param complianceRecord opens the compliance database, when compliance is turned on
     */
    static ChatRuntime start(PerchConfig config, Store store, Clock clock,
                             Supplier<ComplianceRecord> complianceRecord, Supplier<String> filesBaseUrl) {
        bootstrapCategory(config, store);
        MessageIndex index = Stores.openIndex(config);
        try {
            SearchIndexer indexer = new SearchIndexer(store.history(), index);
            long caughtUp = indexer.catchUp(config.store() instanceof StoreConfig.Postgres ? POOL_INDEX_OVERLAP : 0);
            if (caughtUp > 0) {
                LOG.info("Indexed {} messages stored before the search index saw them", caughtUp);
            }
            RoomEventBus events = new RoomEventBus();
            events.subscribe(indexer);
            ChatSettings settings = new ChatSettings(config.chat().defaultChatHistory(),
                    config.chat().participantUpdateLimit());
            ChatRooms rooms = new ChatRooms(store, settings, clock, events, Jid.domainOnly(config.domain()),
                    Optional.of(config.chat().site()).filter(s -> !s.isEmpty()));
            // In a pool, messages reach occupants through the pool feed (ADR 0004), this server's own included.
            Optional<MessageFeed> feed = config.poolMember().map(member -> new MessageFeed(store.feed(),
                    store.feedSignal(), member.server()));
            feed.ifPresent(f -> events.subscribe(f::share));
            Optional<FileSharing> files = config.files().enabled()
                    ? Optional.of(new FileSharing(store, rooms, new FileSettings(config.files().directory(),
                            filesBaseUrl), clock, new SecureRandom()))
                    : Optional.empty();
            HistoryStore captured = rooms.capturedHistory(feed, files.<Attachments>map(f -> f).orElse(Attachments.NONE));
            Optional<TopicFeeds> topicFeeds = config.chat().topicFeeds() ? Optional.of(topicFeeds(config, store,
                    rooms, clock, feed)) : Optional.empty();
            HistoryWriter writer = new HistoryWriter(captured, stored -> {
                indexer.stored(stored);
                topicFeeds.ifPresent(TopicFeeds::wake);
            });
            ChatServices services = new ChatServices(rooms, writer, store.history(),
                    new RoomModeration(rooms, captured, clock, events), new RoomSearch(rooms, store.history(), index),
                    events, feed, files, topicFeeds);
            FileSweeper sweeper = files.map(FileSweeper::start).orElse(null);
            ComplianceRuntime compliance = new ComplianceRuntime(store.complianceConfiguration(), store.outbox(),
                    complianceRecord, rooms.compliance()::enable,
                    config.domain(), config.mucDomain(), clock, COMPLIANCE_MOVE_EVERY).start();
            return new ChatRuntime(services, indexer, index, compliance, Optional.ofNullable(sweeper));
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * Topic feeds, matched under this server's name in the pool (or {@value #SINGLE_SERVER}); in a pool a change of
     * filters is announced in the pool feed, so that every server matches with the new ones.
     */
    private static TopicFeeds topicFeeds(PerchConfig config, Store store, ChatRooms rooms, Clock clock,
                                         Optional<MessageFeed> feed) {
        String server = config.poolMember().map(PoolMember::server).orElse(SINGLE_SERVER);
        return new TopicFeeds(store.topicFeeds(), store.history(), store.accounts(), rooms, clock, server,
                owner -> feed.ifPresent(
                f -> f.publish(Optional.empty(), PoolEventKind.FILTERS_CHANGED, owner.toString(), "")));
    }

    static Path searchDir(Path dataDir) {
        return dataDir.resolve("search");
    }

    ChatServices services() {
        return services;
    }

    ComplianceControl compliance() {
        return compliance;
    }

    /** How far this server has read the pool feed; 0 outside a pool. */
    long feedPosition() {
        return services.feed().map(MessageFeed::position).orElse(0L);
    }

    /** Tells the pool a server is gone, so that every server lets its occupants go; outside a pool, nothing. */
    void serverGone(String server) {
        services.feed().ifPresent(f -> f.publish(Optional.empty(), PoolEventKind.SERVER_GONE, server, ""));
    }

    @Override
    public void close() {
        sweeper.ifPresent(FileSweeper::close);
        compliance.close();
        services.writer().close();
        services.topicFeeds().ifPresent(TopicFeeds::close);
        services.feed().ifPresent(feed -> {
            // A clean stop: the others let this server's occupants go now rather than after its silence.
            try {
                serverGone(feed.origin());
            } catch (RuntimeException e) {
                LOG.warn("Could not tell the pool this server is stopping; the others will notice its silence", e);
            }
            feed.close();
        });
        indexer.close();
        index.close();
    }

    /**
     * A new server has no category, and Lync allows no room outside one; so that {@code perch serve} is usable at
     * once, the first start creates one that every user of the domain may use and create rooms in.
     */
    private static void bootstrapCategory(PerchConfig config, Store store) {
        String name = config.chat().bootstrapCategory().strip();
        if (name.isEmpty() || !store.categories().list().isEmpty()) {
            return;
        }
        Set<Principal> everyone = Set.of(new Principal.Domain(config.domain()));
        if (store.categories().create(Category.named(name).withAllowedMembers(everyone).withCreators(everyone))) {
            LOG.info("Created the category '{}': every user of {} may join its rooms and create rooms in it",
                    name, config.domain());
        }
    }
}
