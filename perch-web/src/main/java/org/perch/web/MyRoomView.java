package org.perch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.perch.core.Principal;
import org.perch.store.chat.Room;

/**
 * A room as the page shows it to one user, with that user's role. Only a manager sees the role lists: a member
 * has no need of them here (their client shows the occupants), so they are left out rather than shown empty.
 * Users are shown as bare JIDs, domains as {@code domain:example.org}: what the page also accepts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MyRoomView(String id, String name, String jid, String category, String description, String privacy,
                  String type, boolean disabled, String role, List<String> members, List<String> managers,
                  List<String> presenters) {

    /** The user's part in a room, strongest first; NONE after a change that took theirs away. */
    enum Role { MANAGER, PRESENTER, MEMBER, NONE }

    static MyRoomView of(Room room, String categoryName, String mucDomain, Role role) {
        boolean manager = role == Role.MANAGER;
        return new MyRoomView(room.id().toString(), room.name(), room.address() + "@" + mucDomain, categoryName,
                room.description(), lower(room.settings().privacy()), lower(room.settings().type()),
                room.settings().disabled(), lower(role), manager ? shown(room.roles().members()) : null,
                manager ? shown(room.roles().managers()) : null, manager ? shown(room.roles().presenters()) : null);
    }

    static List<String> shown(Collection<Principal> principals) {
        return principals.stream().map(p -> switch (p) {
            case Principal.User u -> u.jid().toString();
            case Principal.Domain d -> d.uri();
        }).sorted().toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
