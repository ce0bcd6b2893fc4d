package org.perch.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import org.perch.store.compliance.ComplianceConfiguration;
import org.perch.store.compliance.ComplianceConfigurationStore;

/** The compliance configuration in the one-row {@code compliance_configuration} table. */
final class JdbcComplianceConfigurationStore implements ComplianceConfigurationStore {

    private final Transactor tx;

    JdbcComplianceConfigurationStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ComplianceConfiguration> load() {
        return tx.read("read the compliance configuration", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT adapter_type, adapter_name,"
                    + " adapter_output_directory, one_chat_room_per_output_file, add_chat_room_details,"
                    + " add_user_details, create_file_attachments_manifest, run_interval_seconds"
                    + " FROM compliance_configuration");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ComplianceConfiguration(Optional.ofNullable(rs.getString(1)), rs.getString(2),
                        Optional.ofNullable(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6),
                        rs.getBoolean(7), Duration.ofSeconds(rs.getLong(8))));
            }
        });
    }

    @Override
    public void save(ComplianceConfiguration configuration) {
        tx.write("save the compliance configuration", c -> {
            // Delete and insert rather than MERGE or ON CONFLICT, which H2 and PostgreSQL spell differently.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM compliance_configuration")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO compliance_configuration (singleton,"
                    + " adapter_type, adapter_name, adapter_output_directory, one_chat_room_per_output_file,"
                    + " add_chat_room_details, add_user_details, create_file_attachments_manifest,"
                    + " run_interval_seconds) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                setOptional(ps, 1, configuration.adapterType());
                ps.setString(2, configuration.adapterName());
                setOptional(ps, 3, configuration.adapterOutputDirectory());
                ps.setBoolean(4, configuration.oneChatRoomPerOutputFile());
                ps.setBoolean(5, configuration.addChatRoomDetails());
                ps.setBoolean(6, configuration.addUserDetails());
                ps.setBoolean(7, configuration.createFileAttachmentsManifest());
                ps.setLong(8, configuration.runInterval().toSeconds());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void clear() {
        tx.write("clear the compliance configuration", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM compliance_configuration")) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value)
            throws java.sql.SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }
}
