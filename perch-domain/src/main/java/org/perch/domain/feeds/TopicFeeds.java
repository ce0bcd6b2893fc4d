package org.perch.domain.feeds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.AccountStore;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.Room;
import org.perch.store.feeds.FeedEntry;
import org.perch.store.feeds.TopicFeedStore;
import org.perch.store.feeds.TopicFilter;

/**
 * Topic feeds: each user's filters, the feed of the messages they matched, and the alerts. Filters are kept in the
 * store and, for matching, in an index in memory that every change updates; in a pool, {@code changed} tells the
 * other servers, which {@link #reload} the user's filters. Every operation requires the Persistent Chat policy.
 */
public final class TopicFeeds implements AutoCloseable {
    /** The most feed entries one page returns. */
    public static final int MAX_PAGE = 100;

    private final TopicFeedStore store;
    private final HistoryStore history;
    private final AccountStore accounts;
    private final ChatRooms rooms;
    private final FilterRules rules;
    private final FilterIndex index = new FilterIndex();
    private final FeedMatcher matcher;
    private final Consumer<Jid> changed;

    /**
     * @param server this server's name, under which the store keeps how far it has matched
     * @param changed told of the user whose filters this server changed, after the change is stored
     */
    public TopicFeeds(TopicFeedStore store, HistoryStore history, AccountStore accounts, ChatRooms rooms, Clock clock,
                      String server, Consumer<Jid> changed) {
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.history = Objects.requireNonNull(history, "history");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.rules = new FilterRules(rooms);
        this.matcher = new FeedMatcher(history, store, index, rooms::room, this::readersForPage, server, clock);
    }

    /** Loads every user's filters and starts matching, sending alerts to {@code alerts}. */
    public TopicFeeds start(FeedAlerts alerts) {
        List<TopicFilter> all = store.allFilters();
        all.stream().map(TopicFilter::owner).distinct()
                .forEach(owner -> index.replace(owner, all.stream().filter(f -> f.owner().equals(owner)).toList()));
        matcher.start(alerts);
        return this;
    }

    /**
     * Messages were stored, by this server or another of the pool: the matcher reads them soon (it also looks every
     * second without being told).
     */
    public void wake() {
        matcher.wake();
    }

    /** The history id up to which this server has matched messages: how far behind posting the feeds are. */
    public long matchedThrough() {
        return matcher.position();
    }

    public List<TopicFilter> filters(Jid owner) {
        rooms.requirePersistentChat(owner);
        return store.filters(owner);
    }

    /**
     * Creates the filter, or replaces the owner's filter with the draft's id; refused with {@link Reason#INVALID}
     * past {@value FilterRules#MAX_FILTERS} filters or when the draft breaks a {@link FilterRules} bound, and
     * {@link Reason#NOT_FOUND} for an id the owner has no filter by.
     */
    public TopicFilter save(Jid owner, FilterDraft draft) {
        rooms.requirePersistentChat(owner);
        List<TopicFilter> own = store.filters(owner);
        if (draft.id().isPresent() && own.stream().noneMatch(f -> f.id().equals(draft.id().get()))) {
            throw new ChatException(Reason.NOT_FOUND, "no such filter: " + draft.id().get());
        }
        if (draft.id().isEmpty() && own.size() >= FilterRules.MAX_FILTERS) {
            throw new ChatException(Reason.INVALID, "a user has at most " + FilterRules.MAX_FILTERS
                    + " filters; remove one first");
        }
        TopicFilter filter = rules.check(owner, draft);
        store.saveFilter(filter);
        filtersChanged(owner);
        return filter;
    }

    /** Removes the filter; the entries it matched stay in the feed. */
    public void remove(Jid owner, String id) {
        rooms.requirePersistentChat(owner);
        if (!store.deleteFilter(owner, id)) {
            throw new ChatException(Reason.NOT_FOUND, "no such filter: " + id);
        }
        filtersChanged(owner);
    }

    /** Another server of the pool changed the user's filters: match with what the store now holds. */
    public void reload(Jid owner) {
        index.replace(owner, store.filters(owner));
    }

    /**
     * Up to {@code max} (at most {@value #MAX_PAGE}) of the owner's newest entries with ids below {@code before},
     * each with its message as the room now holds it. Entries whose message is gone or retracted, or whose room
     * the owner may no longer read, are left out, so a feed never shows what its room would not.
     */
    public FeedPage page(Jid owner, OptionalLong before, int max) {
        rooms.requirePersistentChat(owner);
        if (max < 1) {
            throw new ChatException(Reason.INVALID, "a feed page holds at least one entry");
        }
        int size = Math.min(max, MAX_PAGE);
        List<FeedEntry> entries = store.entries(owner, before, size);
        List<FeedItem> items = new ArrayList<>();
        for (FeedEntry entry : entries) {
            Optional<Room> room = rooms.room(entry.room()).filter(r -> mayRead(owner, r));
            Optional<ChatMessage> message = room.flatMap(r -> history.find(r.id(), entry.stanzaId()))
                    .filter(m -> !m.retracted());
            if (message.isPresent()) {
                items.add(new FeedItem(entry, room.get(), message.get()));
            }
        }
        OptionalLong next = entries.size() == size ? OptionalLong.of(entries.getLast().id()) : OptionalLong.empty();
        return new FeedPage(items, next);
    }

    /**
     * For the matcher, per page of history: each owner's account and policy and each room's category are read once
     * a page, not once a match. An account removed while its filters were in the index (by any server, or by the CLI
     * on the store) matches nothing more, and its filters leave the index, so a new account of the same name starts
     * empty.
     */
    private BiPredicate<Jid, Room> readersForPage() {
        Map<Jid, Boolean> active = new HashMap<>();
        Map<CategoryId, Optional<Category>> categories = new HashMap<>();
        return (owner, room) -> active.computeIfAbsent(owner, this::activeOwner)
                && categories.computeIfAbsent(room.category(), rooms::category)
                        .map(category -> rooms.access(owner, room, category).canSearch()).orElse(false);
    }

    private boolean activeOwner(Jid owner) {
        if (accounts.find(owner).isEmpty()) {
            index.replace(owner, List.of());
            return false;
        }
        return rooms.persistentChatEnabled(owner);
    }

    private boolean mayRead(Jid user, Room room) {
        return rooms.persistentChatEnabled(user) && rooms.access(user, room).canSearch();
    }

    private void filtersChanged(Jid owner) {
        reload(owner);
        changed.accept(owner);
    }

    @Override
    public void close() {
        matcher.close();
    }
}
