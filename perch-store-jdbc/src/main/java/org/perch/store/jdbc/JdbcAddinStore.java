package org.perch.store.jdbc;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.store.chat.Addin;
import org.perch.store.chat.AddinStore;

/** Add-ins in the {@code chat_addin} table. */
final class JdbcAddinStore implements AddinStore {

    private static final String SELECT = "SELECT id, name, url FROM chat_addin";

    private final Transactor tx;

    JdbcAddinStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public boolean create(Addin addin) {
        // As for categories: of two creates of one name, the loser hits the unique name_key and its retry finds the
        // winner's row.
        return tx.write("create add-in " + addin.name(), c -> {
            if (taken(c, "id = ? OR name_key = ?", addin.id(), NameKey.of(addin.name()))) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO chat_addin (name, name_key, url, id) VALUES (?, ?, ?, ?)")) {
                bind(ps, addin).executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<Addin> findByName(String name) {
        return tx.read("find add-in " + name, c -> select(c, " WHERE name_key = ?", NameKey.of(name)))
                .stream().findFirst();
    }

    @Override
    public List<Addin> list() {
        List<Addin> addins = new ArrayList<>(tx.read("list add-ins", c -> select(c, "")));
        addins.sort(NameKey.byName(Addin::name));
        return addins;
    }

    @Override
    public boolean update(Addin addin) {
        return tx.write("update add-in " + addin.id(), c -> {
            if (taken(c, "name_key = ? AND id <> ?", NameKey.of(addin.name()), addin.id())) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE chat_addin SET name = ?, name_key = ?, url = ? WHERE id = ?")) {
                return bind(ps, addin).executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(UUID id) {
        return tx.write("delete add-in " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_addin WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static boolean taken(Connection c, String where, Object first, Object second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chat_addin WHERE " + where)) {
            ps.setObject(1, first);
            ps.setObject(2, second);
            return Jdbc.exists(ps);
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Addin addin) throws SQLException {
        ps.setString(1, addin.name());
        ps.setString(2, NameKey.of(addin.name()));
        ps.setString(3, addin.url().toString());
        ps.setObject(4, addin.id());
        return ps;
    }

    private static List<Addin> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Addin> addins = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    addins.add(new Addin(rs.getObject(1, UUID.class), rs.getString(2), URI.create(rs.getString(3))));
                }
            }
            return addins;
        }
    }
}
