package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch category new}: New-CsPersistentChatCategory. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a category. Who may join its rooms and create rooms in it is set afterwards with"
                + " 'perch category set' (--allowed-members, --creators), as with New-CsPersistentChatCategory.")
final class CategoryNewCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Unique among categories and rooms; at most 256 characters.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "At most 256 characters.")
    String description;

    @Option(names = "--enable-file-upload", description = "Let rooms of the category take files (off by default).")
    boolean enableFileUpload;

    @Option(names = "--enable-invitations", description = "Let rooms of the category send invitations (off by"
            + " default).")
    boolean enableInvitations;

    @Option(names = "--remove-chat-history", description = "Deliver messages without keeping them in history.")
    boolean removeChatHistory;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        body.put("fileUpload", enableFileUpload).put("invitations", enableInvitations)
                .put("chatHistory", !removeChatHistory);
        JsonNode created = admin.post("/api/v1/categories", body);
        if (json()) {
            printJson(created);
        } else {
            out().println("created category " + created.path("name").asText());
        }
    }
}
