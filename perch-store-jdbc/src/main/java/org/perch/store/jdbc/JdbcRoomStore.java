package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomStore;
import org.perch.store.chat.RoomType;

/**
 * Rooms in the {@code chat_room} and {@code chat_room_principal} tables. Creating a room, or moving it, locks
 * its category's row first (see {@link JdbcCategoryStore#lock}); deleting one deletes its history by cascade.
 */
final class JdbcRoomStore implements RoomStore {

    private static final String SELECT = "SELECT r.id, r.address, r.category, r.name, r.description, r.privacy,"
            + " r.room_type, r.invitations, r.addin, r.disabled, r.subject, p.kind, p.principal FROM chat_room r"
            + " LEFT JOIN chat_room_principal p ON p.room = r.id";

    private final Transactor tx;

    JdbcRoomStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public boolean create(Room room) {
        // Rooms of one category are created one at a time (the category lock); two creates of one name in
        // different categories both pass the check, and the loser's retry, after its unique violation, fails it.
        return tx.write("create room " + room.address(), c -> {
            if (!JdbcCategoryStore.lock(c, room.category())) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM chat_room WHERE id = ? OR address = ? OR name_key = ?")) {
                ps.setObject(1, room.id().value());
                ps.setString(2, room.address());
                ps.setString(3, NameKey.of(room.name()));
                if (Jdbc.exists(ps)) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_room (category, name, name_key,"
                    + " description, privacy, room_type, invitations, addin, disabled, subject, id, address)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, room).setString(12, room.address());
                ps.executeUpdate();
            }
            writeRoles(c, room);
            return true;
        });
    }

    @Override
    public Optional<Room> find(RoomId id) {
        return tx.read("find room " + id, c -> select(c, " WHERE r.id = ?", id.value())).stream()
                .findFirst();
    }

    @Override
    public Optional<Room> findByAddress(String address) {
        return tx.read("find room " + address, c -> select(c, " WHERE r.address = ?", address)).stream()
                .findFirst();
    }

    @Override
    public Optional<Room> findByName(String name) {
        return tx.read("find room " + name, c -> select(c, " WHERE r.name_key = ?", NameKey.of(name)))
                .stream().findFirst();
    }

    @Override
    public List<Room> inCategory(CategoryId category) {
        return sorted(tx.read("list rooms of category " + category,
                c -> select(c, " WHERE r.category = ?", category.value())));
    }

    @Override
    public List<Room> list() {
        return sorted(tx.read("list rooms", c -> select(c, "")));
    }

    @Override
    public Map<RoomId, String> names() {
        return tx.read("list room names", c -> {
            Map<RoomId, String> names = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM chat_room");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(new RoomId(rs.getObject(1, UUID.class)), rs.getString(2));
                }
            }
            return names;
        });
    }

    @Override
    public boolean update(Room room) {
        return tx.write("update room " + room.id(), c -> {
            Optional<CategoryId> current = lockRoom(c, room.id());
            if (current.isEmpty()
                    || !current.get().equals(room.category()) && !JdbcCategoryStore.lock(c, room.category())) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chat_room WHERE name_key = ? AND id <> ?")) {
                ps.setString(1, NameKey.of(room.name()));
                ps.setObject(2, room.id().value());
                if (Jdbc.exists(ps)) {
                    return false;
                }
            }
            // The address is left out: it is fixed when the room is created.
            try (PreparedStatement ps = c.prepareStatement("UPDATE chat_room SET category = ?, name = ?,"
                    + " name_key = ?, description = ?, privacy = ?, room_type = ?, invitations = ?, addin = ?,"
                    + " disabled = ?, subject = ? WHERE id = ?")) {
                bind(ps, room).executeUpdate();
            }
            writeRoles(c, room);
            return true;
        });
    }

    @Override
    public boolean delete(RoomId id) {
        // Roles and messages go with the room (ON DELETE CASCADE).
        return tx.write("delete room " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_room WHERE id = ?")) {
                ps.setObject(1, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The room's category, its row locked until commit; empty if there is no such room. */
    private static Optional<CategoryId> lockRoom(Connection c, RoomId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT category FROM chat_room WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CategoryId(rs.getObject(1, UUID.class))) : Optional.empty();
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Room room) throws SQLException {
        RoomSettings settings = room.settings();
        ps.setObject(1, room.category().value());
        ps.setString(2, room.name());
        ps.setString(3, NameKey.of(room.name()));
        ps.setString(4, room.description());
        ps.setString(5, column(settings.privacy()));
        ps.setString(6, column(settings.type()));
        ps.setString(7, column(settings.invitations()));
        if (settings.addin().isPresent()) {
            ps.setString(8, settings.addin().get());
        } else {
            ps.setNull(8, Types.VARCHAR);
        }
        ps.setBoolean(9, settings.disabled());
        ps.setString(10, room.subject());
        ps.setObject(11, room.id().value());
        return ps;
    }

    private static void writeRoles(Connection c, Room room) throws SQLException {
        RoomRoles roles = room.roles();
        PrincipalRows.replace(c, "chat_room_principal", "room", room.id().value(),
                Map.of("member", roles.members(), "manager", roles.managers(), "presenter", roles.presenters()));
    }

    private static List<Room> sorted(List<Room> rooms) {
        List<Room> sorted = new ArrayList<>(rooms);
        // Sorted here, not by ORDER BY: database collations differ.
        sorted.sort(NameKey.byName(Room::name));
        return sorted;
    }

    private static List<Room> select(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return read(ps.executeQuery());
        }
    }

    private static List<Room> read(ResultSet resultSet) throws SQLException {
        try (ResultSet rs = resultSet) {
            Map<UUID, Row> rows = new LinkedHashMap<>();
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                Row row = rows.get(id);
                if (row == null) {
                    row = new Row(rs);
                    rows.put(id, row);
                }
                row.principals.add(rs, 12);
            }
            return rows.values().stream().map(Row::room).toList();
        }
    }

    private static String column(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E read(Class<E> type, String column) {
        return Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }

    /** One room's columns while its principal rows are collected. */
    private static final class Row {
        final Room room;
        final PrincipalRows principals = new PrincipalRows();

        Row(ResultSet rs) throws SQLException {
            RoomSettings settings = new RoomSettings(read(Privacy.class, rs.getString(6)),
                    read(RoomType.class, rs.getString(7)), read(InvitationSetting.class, rs.getString(8)),
                    Optional.ofNullable(rs.getString(9)), rs.getBoolean(10));
            room = new Room(new RoomId(rs.getObject(1, UUID.class)), rs.getString(2),
                    new CategoryId(rs.getObject(3, UUID.class)), rs.getString(4), rs.getString(5), settings,
                    RoomRoles.NONE, rs.getString(11));
        }

        Room room() {
            return room.withRoles(new RoomRoles(principals.get("member"), principals.get("manager"),
                    principals.get("presenter")));
        }
    }
}
