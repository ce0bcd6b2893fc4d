package org.perch.web;

import java.util.Set;
import org.perch.admin.ApiException;
import org.perch.admin.Body;
import org.perch.admin.RoleFields;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomType;

/**
 * The page's room form, applied to a room: only what a manager may set from the page. Whether the result keeps
 * the Lync rules is for {@link org.perch.domain.chat.ChatRooms} to say, on the room as a whole.
 */
final class RoomForm {

    /** What a new room may be given; its address follows from its name. */
    static final Set<String> CREATE_FIELDS = Set.of("name", "category", "description", "privacy", "type",
            "members", "managers", "presenters");
    /** What an edit may change: a room's name, category and type stay as created. */
    static final Set<String> EDIT_FIELDS = Set.of("description", "privacy", "members", "managers", "presenters");
    static final Set<String> ROLE_FIELDS = Set.of("members", "managers", "presenters");

    private RoomForm() {
    }

    static Room apply(Body body, Room room) {
        Room r = room;
        if (body.has("description")) {
            String description = body.requiredText("description");
            try {
                r = r.withDescription(description);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("description", e.getMessage());
            }
        }
        RoomSettings s = r.settings();
        s = body.choice("privacy", Privacy.values()).map(s::withPrivacy).orElse(s);
        s = body.choice("type", RoomType.values()).map(s::withType).orElse(s);
        return r.withSettings(s).withRoles(RoleFields.applyTo(body, r.roles()));
    }
}
