package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.function.Consumer;
import org.perch.store.chat.ChatConfiguration;

/**
 * The chat configuration an administrator set (Set-CsPersistentChatConfiguration); no line when none was set, so
 * that the configuration file's values apply after an import as they did before the export.
 */
final class ConfigurationKind implements RecordKind<ChatConfiguration> {

    @Override
    public String type() {
        return "configuration";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " configuration" : " configurations");
    }

    @Override
    public void export(ExportSource source, Consumer<ChatConfiguration> out) {
        source.configuration().ifPresent(out);
    }

    @Override
    public void write(ChatConfiguration configuration, ExportSource source, ObjectNode line) {
        line.put("defaultChatHistory", configuration.defaultChatHistory());
        line.put("participantUpdateLimit", configuration.participantUpdateLimit());
        line.put("maxFileSizeKb", configuration.maxFileSizeKb());
        line.put("roomManagementUrl", configuration.roomManagementUrl().map(URI::toString).orElse(null));
    }

    @Override
    public ChatConfiguration read(LineFields fields, Catalog catalog) {
        if (catalog.count(this) > 1) {
            throw fields.error("type", "a second configuration line; a file has at most one");
        }
        int history = fields.integer("defaultChatHistory");
        int limit = fields.integer("participantUpdateLimit");
        int maxFileSize = fields.integer("maxFileSizeKb");
        String url = fields.optionalText("roomManagementUrl").orElse("");
        // One field at a time, so that a value out of bounds is reported with its field.
        ChatConfiguration withHistory = fields.check("defaultChatHistory",
                () -> ChatConfiguration.DEFAULTS.withDefaultChatHistory(history));
        ChatConfiguration withLimit = fields.check("participantUpdateLimit",
                () -> withHistory.withParticipantUpdateLimit(limit));
        ChatConfiguration withFileSize = fields.check("maxFileSizeKb", () -> withLimit.withMaxFileSizeKb(maxFileSize));
        return fields.check("roomManagementUrl", () -> withFileSize.withRoomManagementUrl(url));
    }

    @Override
    public void restore(ChatConfiguration configuration, Restorer restorer) {
        restorer.store().configuration().save(configuration);
    }
}
