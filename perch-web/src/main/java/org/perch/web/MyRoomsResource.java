package org.perch.web;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perch.admin.ApiException;
import org.perch.admin.ApiRequest;
import org.perch.admin.ApiResponse;
import org.perch.admin.Body;
import org.perch.admin.RoomAddresses;
import org.perch.admin.Routes;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.RoomAccess;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;
import org.perch.web.MyRoomView.Role;

/**
 * The signed-in user's rooms: those they manage, present in or are a member of, the categories they may create
 * rooms in, creating a room, and editing one they manage. Every decision (who may create where, who may change
 * what, which principals a category allows) is {@link ChatRooms}'s, with the user as requester.
 */
final class MyRoomsResource {

    static final String ROOMS = "/rooms/api/rooms";
    static final String ROOM = ROOMS + "/{id}";
    static final String CATEGORIES = "/rooms/api/categories";

    private final ChatRooms chat;
    private final String mucDomain;

    MyRoomsResource(ChatRooms chat, String mucDomain) {
        this.chat = chat;
        this.mucDomain = mucDomain;
    }

    void register(Routes routes) {
        routes.add("GET", ROOMS, this::list)
                .add("POST", ROOMS, this::create)
                .add("PATCH", ROOM, this::edit)
                .add("GET", CATEGORIES, this::categories);
    }

    /** Sorted by name, as the domain sorts every listing. */
    private ApiResponse list(ApiRequest request) {
        Jid me = request.caller().jid();
        boolean admin = chat.isAdmin(me);
        Map<CategoryId, Category> categories = chat.categories().stream()
                .collect(Collectors.toMap(Category::id, Function.identity()));
        return ApiResponse.ok(Map.of("rooms", chat.allRooms().stream()
                .flatMap(room -> Optional.ofNullable(categories.get(room.category()))
                        .flatMap(c -> role(new RoomAccess(c, room, me, admin))
                                .map(role -> MyRoomView.of(room, c.name(), mucDomain, role))).stream())
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList()));
    }

    /** Managers see their rooms even while disabled (they may enable them); others only rooms they can see. */
    private static Optional<Role> role(RoomAccess access) {
        if (access.isManager()) {
            return Optional.of(Role.MANAGER);
        }
        if (!access.canSee()) {
            return Optional.empty();
        }
        if (access.isPresenter()) {
            return Optional.of(Role.PRESENTER);
        }
        return access.isMember() ? Optional.of(Role.MEMBER) : Optional.empty();
    }

    private ApiResponse categories(ApiRequest request) {
        return ApiResponse.ok(Map.of("categories", chat.creatableCategories(request.caller().jid()).stream()
                .map(c -> Map.of("name", c.name(), "description", c.description())).toList()));
    }

    private ApiResponse create(ApiRequest request) {
        Body form = new Body(request.body()).only(RoomForm.CREATE_FIELDS);
        String name = form.requiredText("name").strip();
        if (name.isEmpty()) {
            throw ApiException.invalid("name", "give the room a name");
        }
        String categoryName = form.requiredText("category");
        Category category = chat.categoryByName(categoryName).orElseThrow(() -> ApiException.invalid("category",
                "no category named '" + categoryName + "'"));
        String address = addressOf(name);
        try {
            Room room = chat.createRoom(request.caller().jid(), category.id(), address, name,
                    r -> RoomForm.apply(form, r));
            return ApiResponse.created(view(request.caller().jid(), room));
        } catch (ChatException e) {
            throw RoomRefusals.from(e, form);
        }
    }

    private ApiResponse edit(ApiRequest request) {
        Body form = new Body(request.body()).only(RoomForm.EDIT_FIELDS);
        RoomId id = roomId(request.path("id"));
        Room room;
        try {
            room = chat.updateRoom(request.caller().jid(), id, r -> RoomForm.apply(form, r));
        } catch (ChatException e) {
            throw RoomRefusals.from(e, form);
        }
        return ApiResponse.ok(view(request.caller().jid(), room));
    }

    /** The room as the user now stands in it: a form may have taken away their own role. */
    private MyRoomView view(Jid me, Room room) {
        RoomAccess access = chat.access(me, room);
        return MyRoomView.of(room, access.category().name(), mucDomain, role(access).orElse(Role.NONE));
    }

    /** The address follows from the name, as in the admin API; a name with no letter or digit gives none. */
    private static String addressOf(String name) {
        try {
            return RoomAddresses.fromName(name);
        } catch (ApiException e) {
            throw ApiException.invalid("name", "the name needs a letter or digit to make the room's address from");
        }
    }

    /** A malformed id names no room, and is told so in the domain's words for a missing room. */
    private static RoomId roomId(String text) {
        try {
            return RoomId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(ChatRooms.NO_SUCH_ROOM);
        }
    }
}
