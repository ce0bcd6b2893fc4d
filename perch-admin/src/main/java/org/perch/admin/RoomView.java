package org.perch.admin;

import java.util.List;
import java.util.Locale;
import org.perch.store.chat.Room;

/** A room as the API shows it: enums in lower case, principals as sorted URIs, its category by name. */
record RoomView(String id, String name, String address, String category, String description, String privacy,
                String type, String invitations, String addin, boolean disabled, List<String> members,
                List<String> managers, List<String> presenters) {

    static RoomView of(Room room, String categoryName) {
        var s = room.settings();
        return new RoomView(room.id().toString(), room.name(), room.address(), categoryName, room.description(),
                lower(s.privacy()), lower(s.type()), lower(s.invitations()), s.addin().orElse(null), s.disabled(),
                CategoryView.uris(room.roles().members()), CategoryView.uris(room.roles().managers()),
                CategoryView.uris(room.roles().presenters()));
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
