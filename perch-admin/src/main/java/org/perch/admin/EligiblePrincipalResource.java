package org.perch.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.PrincipalFilter;
import org.perch.store.chat.Room;

/**
 * Get-CsPersistentChatEligiblePrincipal: {@code /api/v1/categories/{name}/eligible-principals} and
 * {@code /api/v1/rooms/{name}/eligible-principals}, the accounts that may hold a role there, by JID.
 */
final class EligiblePrincipalResource {

    static final String PATH = "/eligible-principals";
    private static final Set<String> CATEGORY_PARAMETERS = Set.of("filter", "resultSize");
    private static final Set<String> ROOM_PARAMETERS = Set.of("filter", "resultSize", "presenters");

    /** One principal as listed; every one is an account today, and the type leaves room for others. */
    record PrincipalView(String jid, String type) {
        static PrincipalView user(Jid jid) {
            return new PrincipalView(jid.toString(), "user");
        }
    }

    private final ChatRooms chat;

    EligiblePrincipalResource(ChatRooms chat) {
        this.chat = chat;
    }

    void register(Routes routes) {
        routes.add("GET", CategoryResource.ITEM + PATH, this::inCategory)
                .add("GET", RoomResource.ITEM + PATH, this::inRoom);
    }

    private ApiResponse inCategory(ApiRequest request) {
        QueryParams.only(request, CATEGORY_PARAMETERS);
        PrincipalFilter filter = filter(request);
        return answer(chat.eligiblePrincipals(request.caller().jid(),
                CategoryResource.find(chat, request.path("name")).id(), filter));
    }

    private ApiResponse inRoom(ApiRequest request) {
        QueryParams.only(request, ROOM_PARAMETERS);
        PrincipalFilter filter = filter(request);
        boolean presenters = request.flag("presenters");
        String name = request.path("name");
        Room room = chat.roomByName(name).orElseThrow(() -> ApiException.notFound("no room named '" + name + "'"));
        try {
            return answer(chat.eligiblePrincipals(request.caller().jid(), room.id(), presenters, filter));
        } catch (ChatException e) {
            // The one refusal about the request itself: presenters asked of a Normal room.
            if (e.reason() == ChatException.Reason.INVALID) {
                throw ApiException.invalid("presenters", e.getMessage());
            }
            throw e;
        }
    }

    private static PrincipalFilter filter(ApiRequest request) {
        String pattern = QueryParams.text(request, "filter").orElse("*");
        int resultSize = QueryParams.count(request, "resultSize").orElse(Integer.MAX_VALUE);
        return new PrincipalFilter(pattern, resultSize);
    }

    private static ApiResponse answer(List<Jid> principals) {
        return ApiResponse.ok(Map.of("principals", principals.stream().map(PrincipalView::user).toList()));
    }
}
