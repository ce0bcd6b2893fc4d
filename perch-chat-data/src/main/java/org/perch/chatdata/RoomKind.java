package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomType;

/**
 * A room: its id and address, its category and add-in by name, its settings and roles. Its type is
 * {@code roomType}, as {@code type} names the kind of line. The Lync rules between roles and scope are the
 * domain's; an import restores what the file says.
 */
final class RoomKind implements RecordKind<Room> {

    @Override
    public String type() {
        return "room";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " room" : " rooms");
    }

    @Override
    public void export(ExportSource source, Consumer<Room> out) {
        source.rooms().forEach(out);
    }

    @Override
    public void write(Room room, ExportSource source, ObjectNode line) {
        line.put("id", room.id().toString());
        line.put("address", room.address());
        line.put("name", room.name());
        line.put("category", source.categoryName(room.category()));
        line.put("description", room.description());
        RoomSettings settings = room.settings();
        line.put("privacy", DataJson.choice(settings.privacy()));
        line.put("roomType", DataJson.choice(settings.type()));
        line.put("invitations", DataJson.choice(settings.invitations()));
        line.put("addin", settings.addin().orElse(null));
        line.put("disabled", settings.disabled());
        DataJson.putPrincipals(line, "members", room.roles().members());
        DataJson.putPrincipals(line, "managers", room.roles().managers());
        DataJson.putPrincipals(line, "presenters", room.roles().presenters());
        line.put("subject", room.subject());
    }

    @Override
    public Room read(LineFields fields, Catalog catalog) {
        RoomId id = new RoomId(fields.uuid("id"));
        String address = fields.text("address");
        String name = fields.text("name");
        String categoryName = fields.text("category");
        CategoryId category = catalog.categoryNamed(categoryName).orElseThrow(() -> fields.error("category",
                "no category named '" + categoryName + "' comes before this room"));
        String description = fields.text("description");
        Optional<String> addinName = fields.optionalText("addin");
        Optional<String> addin = addinName.map(a -> catalog.addinNamed(a).orElseThrow(() -> fields.error("addin",
                "no add-in named '" + a + "' comes before this room")));
        RoomSettings settings = new RoomSettings(fields.choice("privacy", Privacy.class),
                fields.choice("roomType", RoomType.class), fields.choice("invitations", InvitationSetting.class),
                addin, fields.bool("disabled"));
        RoomRoles roles = new RoomRoles(fields.principals("members"), fields.principals("managers"),
                fields.principals("presenters"));
        String subject = fields.text("subject");
        // The address checked with a stand-in name first, so that each refusal names its own field.
        Room addressed = fields.check("address",
                () -> new Room(id, address, category, "-", "", RoomSettings.DEFAULTS, RoomRoles.NONE, ""));
        Room named = fields.check("name", () -> addressed.withName(name));
        Room room = fields.check("description", () -> named.withDescription(description))
                .withSettings(settings).withRoles(roles).withSubject(subject);
        catalog.room(room, fields);
        return room;
    }

    @Override
    public void restore(Room room, Restorer restorer) {
        if (!restorer.store().rooms().create(room)) {
            throw new ChatDataException("the store refused room '" + room.name()
                    + "': its id, address or name is taken");
        }
    }
}
