package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.CategoryId;
import org.perch.store.chat.Category;
import org.perch.store.chat.CategoryFlags;
import org.perch.store.chat.CategoryStore;

/**
 * Categories in the {@code chat_category} and {@code chat_category_principal} tables. Changes to a category,
 * and room creations in it, first lock its row: a delete that finds no rooms is then sure none is being added.
 */
final class JdbcCategoryStore implements CategoryStore {

    private static final String SELECT = "SELECT c.id, c.name, c.description, c.invitations, c.file_upload,"
            + " c.chat_history, p.kind, p.principal FROM chat_category c"
            + " LEFT JOIN chat_category_principal p ON p.category = c.id";

    private final Transactor tx;

    JdbcCategoryStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public boolean create(Category category) {
        // Two creates of one name both pass the check; the loser's INSERT hits the unique name_key, the
        // transactor retries, and the retry finds the winner's row.
        return tx.write("create category " + category.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM chat_category WHERE id = ? OR name_key = ?")) {
                ps.setObject(1, category.id().value());
                ps.setString(2, NameKey.of(category.name()));
                if (Jdbc.exists(ps)) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_category (name, name_key, description,"
                    + " invitations, file_upload, chat_history, id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, category).executeUpdate();
            }
            writeLists(c, category);
            return true;
        });
    }

    @Override
    public Optional<Category> find(CategoryId id) {
        return tx.read("find category " + id, c -> select(c, " WHERE c.id = ?", id.value()))
                .stream().findFirst();
    }

    @Override
    public Optional<Category> findByName(String name) {
        return tx.read("find category " + name, c -> select(c, " WHERE c.name_key = ?", NameKey.of(name)))
                .stream().findFirst();
    }

    @Override
    public List<Category> list() {
        List<Category> categories = new ArrayList<>(tx.read("list categories", c -> select(c, "")));
        // Sorted here, not by ORDER BY: database collations differ.
        categories.sort(NameKey.byName(Category::name));
        return categories;
    }

    @Override
    public boolean update(Category category) {
        return tx.write("update category " + category.id(), c -> {
            if (!lock(c, category.id())) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM chat_category WHERE name_key = ? AND id <> ?")) {
                ps.setString(1, NameKey.of(category.name()));
                ps.setObject(2, category.id().value());
                if (Jdbc.exists(ps)) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE chat_category SET name = ?, name_key = ?,"
                    + " description = ?, invitations = ?, file_upload = ?, chat_history = ? WHERE id = ?")) {
                bind(ps, category).executeUpdate();
            }
            writeLists(c, category);
            return true;
        });
    }

    @Override
    public boolean delete(CategoryId id) {
        return tx.write("delete category " + id, c -> {
            if (!lock(c, id)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chat_room WHERE category = ?")) {
                ps.setObject(1, id.value());
                if (Jdbc.exists(ps)) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_category WHERE id = ?")) {
                ps.setObject(1, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Locks the category's row until commit; false if there is none. {@link JdbcRoomStore} calls it too, before
     * it puts a room in the category.
     */
    static boolean lock(Connection c, CategoryId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chat_category WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, id.value());
            return Jdbc.exists(ps);
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Category category) throws SQLException {
        ps.setString(1, category.name());
        ps.setString(2, NameKey.of(category.name()));
        ps.setString(3, category.description());
        ps.setBoolean(4, category.flags().invitations());
        ps.setBoolean(5, category.flags().fileUpload());
        ps.setBoolean(6, category.flags().chatHistory());
        ps.setObject(7, category.id().value());
        return ps;
    }

    private static void writeLists(Connection c, Category category) throws SQLException {
        PrincipalRows.replace(c, "chat_category_principal", "category", category.id().value(),
                Map.of("allowed", category.allowedMembers(), "denied", category.deniedMembers(),
                        "creator", category.creators()));
    }

    private static List<Category> select(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Map<UUID, Row> rows = new LinkedHashMap<>();
                while (rs.next()) {
                    Row row = rows.get(rs.getObject(1, UUID.class));
                    if (row == null) {
                        row = new Row(rs);
                        rows.put(row.id.value(), row);
                    }
                    row.principals.add(rs, 7);
                }
                return rows.values().stream().map(Row::category).toList();
            }
        }
    }

    /** One category's columns while its principal rows are collected. */
    private static final class Row {
        final CategoryId id;
        final String name;
        final String description;
        final CategoryFlags flags;
        final PrincipalRows principals = new PrincipalRows();

        Row(ResultSet rs) throws SQLException {
            id = new CategoryId(rs.getObject(1, UUID.class));
            name = rs.getString(2);
            description = rs.getString(3);
            flags = new CategoryFlags(rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6));
        }

        Category category() {
            return new Category(id, name, description, principals.get("allowed"), principals.get("denied"),
                    principals.get("creator"), flags);
        }
    }
}
