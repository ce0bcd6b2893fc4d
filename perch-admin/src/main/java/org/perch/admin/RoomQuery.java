package org.perch.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.perch.core.CategoryId;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;

/**
 * Get-CsPersistentChatRoom's filters on {@code GET /api/v1/rooms}: a room is listed when it passes every filter
 * given; the list is sorted by name and cut at {@code resultSize}.
 */
final class RoomQuery {

    static final Set<String> FILTERS = Set.of("category", "privacy", "type", "disabled", "filter",
            "searchDescription", "manager", "member", "addin", "invitations", "chatContentExceedsMb", "resultSize");
    /** Lync's MB, as Windows counts it. */
    static final long MEGABYTE = 1024L * 1024L;

    private final Predicate<Room> wanted;
    private final int resultSize;

    private RoomQuery(Predicate<Room> wanted, int resultSize) {
        this.wanted = wanted;
        this.resultSize = resultSize;
    }

    static RoomQuery of(ChatRooms chat, ApiRequest request) {
        QueryParams.only(request, FILTERS);
        Predicate<Room> wanted = room -> true;
        Optional<String> category = request.query("category");
        if (category.isPresent()) {
            CategoryId id = CategoryResource.find(chat, category.get()).id();
            wanted = wanted.and(r -> r.category().equals(id));
        }
        wanted = wanted.and(settings(request));
        wanted = wanted.and(text(request));
        Optional<Principal> manager = request.query("manager").map(v -> principal("manager", v));
        if (manager.isPresent()) {
            wanted = wanted.and(r -> r.roles().managers().contains(manager.get()));
        }
        Optional<Principal> member = request.query("member").map(v -> principal("member", v));
        if (member.isPresent()) {
            wanted = wanted.and(r -> r.roles().members().contains(member.get()));
        }
        Optional<String> addin = QueryParams.text(request, "addin");
        if (addin.isPresent()) {
            String registered = chat.addin(addin.get()).orElseThrow(() -> ApiException.notFound(
                    "no add-in named '" + addin.get() + "'")).name();
            wanted = wanted.and(r -> r.settings().addin().filter(registered::equals).isPresent());
        }
        Optional<Integer> megabytes = QueryParams.count(request, "chatContentExceedsMb");
        if (megabytes.isPresent()) {
            Map<RoomId, Long> sizes = chat.historySizes();
            long bytes = megabytes.get() * MEGABYTE;
            wanted = wanted.and(r -> sizes.getOrDefault(r.id(), 0L) > bytes);
        }
        return new RoomQuery(wanted, QueryParams.count(request, "resultSize").orElse(Integer.MAX_VALUE));
    }

    /** The rooms wanted, sorted by name without regard to case, at most {@code resultSize} of them. */
    List<Room> select(List<Room> rooms) {
        return rooms.stream().filter(wanted).sorted(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)))
                .limit(resultSize).toList();
    }

    private static Predicate<Room> settings(ApiRequest request) {
        Predicate<Room> wanted = room -> true;
        Optional<Privacy> privacy = request.query("privacy")
                .map(v -> RoomResource.choice("privacy", v, Privacy.values()));
        if (privacy.isPresent()) {
            wanted = wanted.and(r -> r.settings().privacy() == privacy.get());
        }
        Optional<RoomType> type = request.query("type").map(v -> RoomResource.choice("type", v, RoomType.values()));
        if (type.isPresent()) {
            wanted = wanted.and(r -> r.settings().type() == type.get());
        }
        Optional<InvitationSetting> invitations = request.query("invitations")
                .map(v -> RoomResource.choice("invitations", v, InvitationSetting.values()));
        if (invitations.isPresent()) {
            wanted = wanted.and(r -> r.settings().invitations() == invitations.get());
        }
        Optional<Boolean> disabled = request.query("disabled").map(v -> bool("disabled", v));
        if (disabled.isPresent()) {
            wanted = wanted.and(r -> r.settings().disabled() == disabled.get());
        }
        return wanted;
    }

    /** {@code filter} looks in the name, and with {@code searchDescription=true} in the description too. */
    private static Predicate<Room> text(ApiRequest request) {
        boolean description = request.query("searchDescription").map(v -> bool("searchDescription", v))
                .orElse(false);
        Optional<String> filter = request.query("filter").map(v -> v.toLowerCase(Locale.ROOT));
        if (filter.isEmpty()) {
            if (description) {
                throw ApiException.invalid("searchDescription", "searchDescription widens filter to descriptions;"
                        + " give a filter too");
            }
            return room -> true;
        }
        String text = filter.get();
        return r -> r.name().toLowerCase(Locale.ROOT).contains(text)
                || description && r.description().toLowerCase(Locale.ROOT).contains(text);
    }

    private static boolean bool(String field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(field, field + " is true or false; got '" + value + "'");
        };
    }

    private static Principal principal(String field, String value) {
        return CategoryResource.field(field, () -> Principal.of(value));
    }
}
