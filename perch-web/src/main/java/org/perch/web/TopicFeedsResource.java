package org.perch.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.perch.admin.ApiException;
import org.perch.admin.ApiRequest;
import org.perch.admin.ApiResponse;
import org.perch.admin.Routes;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.feeds.FeedItem;
import org.perch.domain.feeds.FeedPage;
import org.perch.domain.feeds.FilterDraft;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.store.feeds.TopicFilter;

/**
 * The signed-in user's topic feeds: their filters (list, create, replace, delete), the rooms a filter may name,
 * and their feed, newest first. The same feeds as over XMPP ({@code urn:perch:feeds:0}, docs/client-features.md):
 * every rule is {@link TopicFeeds}'s, with the user as owner. Without topic feeds every path here is 404.
 */
final class TopicFeedsResource {

    static final String BASE = "/rooms/api/feeds";
    static final String FILTERS = BASE + "/filters";
    static final String FILTER = FILTERS + "/{id}";
    static final String ENTRIES = BASE + "/entries";
    static final String ROOMS = BASE + "/rooms";
    /** Entries a feed page holds when the page does not say: what the XMPP side gives too. */
    static final int DEFAULT_PAGE = 20;
    static final String OFF = "topic feeds are not offered by this server (chat.topic-feeds is off)";

    /** A page of the feed; {@code nextBefore} is null on the last page. */
    record FeedPageView(List<FeedEntryView> entries, Long nextBefore) {
    }

    private final ChatRooms chat;
    private final Optional<WebFeeds> feeds;
    private final String mucDomain;

    TopicFeedsResource(ChatRooms chat, Optional<WebFeeds> feeds, String mucDomain) {
        this.chat = chat;
        this.feeds = feeds;
        this.mucDomain = mucDomain;
    }

    void register(Routes routes) {
        routes.add("GET", FILTERS, this::list)
                .add("POST", FILTERS, this::create)
                .add("PUT", FILTER, this::replace)
                .add("DELETE", FILTER, this::delete)
                .add("GET", ENTRIES, this::entries)
                .add("GET", ROOMS, this::rooms);
    }

    /** The feeds, or 404 saying the server offers none. */
    private WebFeeds offered() {
        return feeds.orElseThrow(() -> ApiException.notFound(OFF));
    }

    /** In the order first saved, as over XMPP. */
    private ApiResponse list(ApiRequest request) {
        List<TopicFilter> filters = offered().feeds().filters(request.caller().jid());
        return ApiResponse.ok(Map.of("filters", filters.stream().map(this::view).toList()));
    }

    private ApiResponse create(ApiRequest request) {
        return ApiResponse.created(save(request, Optional.empty()));
    }

    private ApiResponse replace(ApiRequest request) {
        return ApiResponse.ok(save(request, Optional.of(request.path("id"))));
    }

    private FilterView save(ApiRequest request, Optional<String> id) {
        TopicFeeds topicFeeds = offered().feeds();
        FilterDraft draft = FilterForm.read(request.body(), id, mucDomain);
        try {
            return view(topicFeeds.save(request.caller().jid(), draft));
        } catch (ChatException e) {
            throw FilterRefusals.from(e);
        }
    }

    /** The entries the filter matched stay in the feed. */
    private ApiResponse delete(ApiRequest request) {
        offered().feeds().remove(request.caller().jid(), request.path("id"));
        return ApiResponse.noContent();
    }

    /** The rooms a filter may name: those whose history the user may read, sorted by name. */
    private ApiResponse rooms(ApiRequest request) {
        offered(); // no filters without feeds, so no rooms to name in one either
        return ApiResponse.ok(Map.of("rooms", chat.searchableRooms(request.caller().jid()).stream()
                .map(room -> FeedRoomView.of(room, mucDomain)).toList()));
    }

    private ApiResponse entries(ApiRequest request) {
        WebFeeds offered = offered();
        Jid me = request.caller().jid();
        FeedPage page = offered.feeds().page(me, before(request), max(request));
        List<FeedEntryView> entries = page.items().stream()
                .map(item -> FeedEntryView.of(item, body(offered, item, me), mucDomain)).toList();
        return ApiResponse.ok(new FeedPageView(entries,
                page.nextBefore().isPresent() ? page.nextBefore().getAsLong() : null));
    }

    /** The message's text with its file links the reader's own: the stored text holds the canonical ones. */
    private static String body(WebFeeds offered, FeedItem item, Jid reader) {
        String body = item.message().body();
        return offered.files().map(files -> files.forReader(body, reader)).orElse(body);
    }

    private FilterView view(TopicFilter filter) {
        return FilterView.of(filter, chat::room, mucDomain);
    }

    private static OptionalLong before(ApiRequest request) {
        Optional<String> before = request.query("before");
        try {
            return before.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(before.get()));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("before", "before is the id of a feed entry (nextBefore of the last page)");
        }
    }

    private static int max(ApiRequest request) {
        String text = request.query("max").orElse(Integer.toString(DEFAULT_PAGE));
        int max;
        try {
            max = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > TopicFeeds.MAX_PAGE) {
            throw ApiException.invalid("max", "max is a number from 1 to " + TopicFeeds.MAX_PAGE);
        }
        return max;
    }
}
