package org.perch.store.jdbc;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;
import org.perch.store.chat.ChatConfiguration;
import org.perch.store.chat.ConfigurationStore;

/** The configuration in the one-row {@code chat_configuration} table. */
final class JdbcConfigurationStore implements ConfigurationStore {

    private final Transactor tx;

    JdbcConfigurationStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ChatConfiguration> load() {
        return tx.read("read the chat configuration", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT default_chat_history, participant_update_limit,"
                    + " max_file_size_kb, room_management_url FROM chat_configuration");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String url = rs.getString(4);
                return Optional.of(new ChatConfiguration(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        Optional.ofNullable(url).map(URI::create)));
            }
        });
    }

    @Override
    public void save(ChatConfiguration configuration) {
        tx.write("save the chat configuration", c -> {
            // Delete and insert rather than MERGE or ON CONFLICT, which H2 and PostgreSQL spell differently.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_configuration")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_configuration (singleton,"
                    + " default_chat_history, participant_update_limit, max_file_size_kb, room_management_url)"
                    + " VALUES (1, ?, ?, ?, ?)")) {
                ps.setInt(1, configuration.defaultChatHistory());
                ps.setInt(2, configuration.participantUpdateLimit());
                ps.setInt(3, configuration.maxFileSizeKb());
                if (configuration.roomManagementUrl().isPresent()) {
                    ps.setString(4, configuration.roomManagementUrl().get().toString());
                } else {
                    ps.setNull(4, Types.VARCHAR);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void clear() {
        tx.write("clear the chat configuration", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_configuration")) {
                return ps.executeUpdate();
            }
        });
    }
}
