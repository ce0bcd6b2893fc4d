package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perch room new}: New-CsPersistentChatRoom. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a room in a category. Members, managers and presenters are set afterwards with"
                + " 'perch room set', as with New-CsPersistentChatRoom.")
final class RoomNewCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Unique among rooms and categories; at most 256 characters.")
    String name;

    @Option(names = "--category", required = true, paramLabel = "CATEGORY", description = "The category's name.")
    String category;

    @Option(names = "--address", paramLabel = "LOCAL",
            description = "The room's JID local part (LOCAL@chat.<domain>), fixed for good; by default the name,"
                    + " lower-cased, other characters as '-'.")
    String address;

    @Mixin
    RoomOptions settings;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode().put("name", name).put("category", category);
        if (address != null) {
            body.put("address", address);
        }
        settings.addTo(body);
        JsonNode created = admin.post("/api/v1/rooms", body);
        if (json()) {
            printJson(created);
        } else {
            out().println("created room " + created.path("name").asText() + " (" + created.path("address").asText()
                    + ")");
        }
    }
}
