package org.perch.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.perch.core.CategoryId;
import org.perch.core.Principal;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.Category;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomType;

/**
 * Rooms, after New-, Set-, Get- and Remove-CsPersistentChatRoom: {@code /api/v1/rooms} and
 * {@code /api/v1/rooms/{name}}, a room being named by its Lync name, compared without regard to case. The Lync
 * rules (roles inside the category's scope, presenters only in auditoriums, a move dropping what the new category
 * does not allow) are the domain's; a refused change leaves the room as it was.
 */
final class RoomResource {

    static final String COLLECTION = "/api/v1/rooms";
    static final String ITEM = COLLECTION + "/{name}";
    private static final Set<String> FIELDS = Set.of("name", "address", "category", "description", "privacy",
            "type", "invitations", "addin", "disabled", "members", "managers", "presenters");
    private static final Set<String> FILTERS = Set.of("category", "privacy", "type", "disabled", "filter",
            "manager", "member");

    private final ChatRooms chat;

    RoomResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("GET", COLLECTION, this::list)
                .add("POST", COLLECTION, this::create)
                .add("GET", ITEM, r -> ApiResponse.ok(view(find(r.path("name")))))
                .add("PATCH", ITEM, this::update)
                .add("DELETE", ITEM, this::delete)
                .add("POST", ITEM + "/clear", this::clear);
    }

    /** Clear-CsPersistentChatRoom: every message stamped at or before {@code endDate} goes, from search too. */
    private ApiResponse clear(ApiRequest request) {
        Body body = new Body(request.body()).only(Set.of("endDate"));
        String text = body.requiredText("endDate");
        Instant endDate;
        try {
            endDate = Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("endDate", "endDate is an ISO-8601 instant such as 2026-01-31T23:59:59Z; got '"
                    + text + "'");
        }
        int removed = chat.clearHistory(request.caller().jid(), find(request.path("name")).id(), endDate);
        return ApiResponse.ok(Map.of("removed", removed));
    }

    /** Get-CsPersistentChatRoom's filters: category, privacy, type, disabled, filter (in the name), manager, member. */
    private ApiResponse list(ApiRequest request) {
        for (String name : request.query().keySet()) {
            if (!FILTERS.contains(name)) {
                throw ApiException.invalid(name, "unknown filter '" + name + "'; known: "
                        + String.join(", ", FILTERS.stream().sorted().toList()));
            }
        }
        Predicate<Room> wanted = room -> true;
        Optional<String> category = request.query("category");
        if (category.isPresent()) {
            CategoryId id = CategoryResource.find(chat, category.get()).id();
            wanted = wanted.and(r -> r.category().equals(id));
        }
        Optional<Privacy> privacy = request.query("privacy").map(v -> choice("privacy", v, Privacy.values()));
        if (privacy.isPresent()) {
            wanted = wanted.and(r -> r.settings().privacy() == privacy.get());
        }
        Optional<RoomType> type = request.query("type").map(v -> choice("type", v, RoomType.values()));
        if (type.isPresent()) {
            wanted = wanted.and(r -> r.settings().type() == type.get());
        }
        Optional<Boolean> disabled = request.query("disabled").map(v -> bool("disabled", v));
        if (disabled.isPresent()) {
            wanted = wanted.and(r -> r.settings().disabled() == disabled.get());
        }
        Optional<String> filter = request.query("filter").map(v -> v.toLowerCase(Locale.ROOT));
        if (filter.isPresent()) {
            wanted = wanted.and(r -> r.name().toLowerCase(Locale.ROOT).contains(filter.get()));
        }
        Optional<Principal> manager = request.query("manager").map(v -> principal("manager", v));
        if (manager.isPresent()) {
            wanted = wanted.and(r -> r.roles().managers().contains(manager.get()));
        }
        Optional<Principal> member = request.query("member").map(v -> principal("member", v));
        if (member.isPresent()) {
            wanted = wanted.and(r -> r.roles().members().contains(member.get()));
        }
        Map<CategoryId, String> categories = categoryNames();
        return ApiResponse.ok(Map.of("rooms", chat.allRooms().stream().filter(wanted)
                .sorted(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)))
                .map(r -> RoomView.of(r, categories.get(r.category()))).toList()));
    }

    private ApiResponse create(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        String name = body.requiredText("name");
        Category category = CategoryResource.find(chat, body.requiredText("category"));
        String address = body.text("address").orElseGet(() -> defaultAddress(name));
        Room created = chat.createRoom(request.caller().jid(), category.id(), address, name,
                room -> apply(body, room, false));
        return ApiResponse.created(view(created));
    }

    private ApiResponse update(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        if (body.has("address")) {
            throw ApiException.invalid("address", "a room's address is fixed when it is created");
        }
        Room room = find(request.path("name"));
        return ApiResponse.ok(view(chat.updateRoom(request.caller().jid(), room.id(),
                r -> apply(body, r, true))));
    }

    private ApiResponse delete(ApiRequest request) {
        chat.deleteRoom(request.caller().jid(), find(request.path("name")).id());
        return ApiResponse.noContent();
    }

    private Room apply(Body body, Room room, boolean mayMove) {
        Room r = room;
        if (body.has("name") && mayMove) {
            String name = body.requiredText("name");
            Room current = r;
            r = CategoryResource.field("name", () -> current.withName(name));
        }
        if (body.has("category") && mayMove) {
            CategoryId target = CategoryResource.find(chat, body.requiredText("category")).id();
            r = r.withCategory(target);
        }
        if (body.has("description")) {
            String description = body.requiredText("description");
            Room current = r;
            r = CategoryResource.field("description", () -> current.withDescription(description));
        }
        RoomSettings s = r.settings();
        s = body.text("privacy").map(v -> choice("privacy", v, Privacy.values())).map(s::withPrivacy).orElse(s);
        s = body.text("type").map(v -> choice("type", v, RoomType.values())).map(s::withType).orElse(s);
        s = body.text("invitations").map(v -> choice("invitations", v, InvitationSetting.values()))
                .map(s::withInvitations).orElse(s);
        s = body.bool("disabled").map(s::withDisabled).orElse(s);
        if (body.has("addin")) {
            s = s.withAddin(body.isNull("addin") ? Optional.empty() : Optional.of(body.requiredText("addin")));
        }
        RoomRoles roles = r.roles();
        RoomRoles current = roles;
        roles = body.principals("members").map(c -> current.withMembers(c.applyTo(current.members())))
                .orElse(roles);
        RoomRoles withMembers = roles;
        roles = body.principals("managers").map(c -> withMembers.withManagers(c.applyTo(withMembers.managers())))
                .orElse(roles);
        RoomRoles withManagers = roles;
        roles = body.principals("presenters").map(c -> withManagers.withPresenters(
                c.applyTo(withManagers.presenters()))).orElse(roles);
        return r.withSettings(s).withRoles(roles);
    }

    /** A room's address when none is given: its name, lower-cased, with runs of other characters as '-'. */
    static String defaultAddress(String name) {
        String address = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (address.isEmpty()) {
            throw ApiException.invalid("address", "the name gives no usable address; give one");
        }
        return address;
    }

    private Room find(String name) {
        return chat.roomByName(name).orElseThrow(() -> ApiException.notFound("no room named '" + name + "'"));
    }

    private RoomView view(Room room) {
        return RoomView.of(room, chat.category(room.category()).map(Category::name).orElse(""));
    }

    private Map<CategoryId, String> categoryNames() {
        return chat.categories().stream().collect(java.util.stream.Collectors.toMap(Category::id, Category::name));
    }

    static <E extends Enum<E>> E choice(String field, String value, E[] values) {
        return Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid(field, field + " is one of " + String.join(", ",
                        Arrays.stream(values).map(RoomView::lower).toList()) + "; got '" + value + "'"));
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
