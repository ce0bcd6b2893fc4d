package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch configuration set}: Set-CsPersistentChatConfiguration. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Changes the configuration; every room follows at once.")
final class ConfigurationSetCommand extends AdminCommand {

    @Option(names = "--default-chat-history", paramLabel = "N",
            description = "Messages a join gets when the client asks for no number (1-500).")
    Integer defaultChatHistory;

    @Option(names = "--participant-update-limit", paramLabel = "N",
            description = "Occupants above which a room stops broadcasting their presence.")
    Integer participantUpdateLimit;

    @Option(names = "--max-file-size-kb", paramLabel = "KB", description = "The largest file a room takes.")
    Integer maxFileSizeKb;

    @Option(names = "--room-management-url", paramLabel = "URL",
            description = "Where clients send users to manage rooms (http or https); '' removes it.")
    String roomManagementUrl;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (defaultChatHistory != null) {
            body.put("defaultChatHistory", defaultChatHistory);
        }
        if (participantUpdateLimit != null) {
            body.put("participantUpdateLimit", participantUpdateLimit);
        }
        if (maxFileSizeKb != null) {
            body.put("maxFileSizeKb", maxFileSizeKb);
        }
        if (roomManagementUrl != null) {
            if (roomManagementUrl.isBlank()) {
                body.putNull("roomManagementUrl");
            } else {
                body.put("roomManagementUrl", roomManagementUrl);
            }
        }
        if (body.isEmpty()) {
            throw new CliException("nothing to change: give at least one setting");
        }
        JsonNode changed = admin.patch("/api/v1/configuration", body);
        if (json()) {
            printJson(changed);
        } else {
            Tables.properties(out(), changed);
        }
    }
}
