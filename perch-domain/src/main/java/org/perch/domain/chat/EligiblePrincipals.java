package org.perch.domain.chat;

import java.util.List;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;

/**
 * Get-CsPersistentChatEligiblePrincipal (spec §9.10): the accounts that may hold a role in a category's rooms,
 * which is every account the category's scope includes (allowed as a user or through a whole domain, and not
 * denied). Lync expanded the groups and domains of the allowed list into users; so does this, and the answer
 * holds accounts only. Members, managers and an auditorium's presenters are bound by the same scope, so the three
 * lists are one. Administrators, whom no scope binds (spec §5), are listed only where the scope includes them.
 */
final class EligiblePrincipals {

    private final ChatRooms chat;
    private final Store store;

    EligiblePrincipals(ChatRooms chat, Store store) {
        this.chat = chat;
        this.store = store;
    }

    List<Jid> inCategory(Jid requester, CategoryId id, PrincipalFilter filter) {
        chat.requireAdmin(requester, "list eligible principals");
        Category category = store.categories().find(id).orElseThrow(() -> ChatRooms.categoryNotFound(id));
        return eligible(category, filter);
    }

    /** A Normal room has no presenters, so asking for its eligible presenters is INVALID rather than empty. */
    List<Jid> inRoom(Jid requester, RoomId id, boolean presenters, PrincipalFilter filter) {
        chat.requireAdmin(requester, "list eligible principals");
        Room room = store.rooms().find(id).orElseThrow(() -> ChatRooms.roomNotFound(id));
        if (presenters && room.settings().type() != RoomType.AUDITORIUM) {
            throw new ChatException(Reason.INVALID, "room '" + room.name()
                    + "' is Normal; only Auditorium rooms have presenters");
        }
        Category category = store.categories().find(room.category())
                .orElseThrow(() -> ChatRooms.roomNotFound(id));
        return eligible(category, filter);
    }

    /** Sorted as the account store lists them (by JID). */
    private List<Jid> eligible(Category category, PrincipalFilter filter) {
        Scope scope = new Scope(category);
        return store.accounts().list().stream().filter(scope::includes).filter(filter::matches)
                .limit(filter.resultSize()).toList();
    }
}
