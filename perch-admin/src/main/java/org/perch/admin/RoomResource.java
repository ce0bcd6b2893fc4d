package org.perch.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.core.CategoryId;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.chat.Category;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
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

    /** Get-CsPersistentChatRoom, with its filters ({@link RoomQuery}). */
    private ApiResponse list(ApiRequest request) {
        RoomQuery query = RoomQuery.of(chat, request);
        Map<CategoryId, String> categories = categoryNames();
        return ApiResponse.ok(Map.of("rooms", query.select(chat.allRooms()).stream()
                .map(r -> RoomView.of(r, categories.get(r.category()))).toList()));
    }

    private ApiResponse create(ApiRequest request) {
        Body body = new Body(request.body()).only(FIELDS);
        String name = body.requiredText("name");
        Category category = CategoryResource.find(chat, body.requiredText("category"));
        String address = body.text("address").orElseGet(() -> RoomAddresses.fromName(name));
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
        return r.withSettings(s).withRoles(RoleFields.applyTo(body, r.roles()));
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
}
