package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perch room set}: Set-CsPersistentChatRoom. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Changes a room. Moving it to another category drops the roles the category does not allow.")
final class RoomSetCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The room (any case).")
    String identity;

    @Option(names = "--name", paramLabel = "NAME", description = "A new name (the address stays).")
    String name;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Moves the room to this category.")
    String category;

    @Mixin
    RoomOptions settings;

    @Option(names = "--members", paramLabel = "LIST", description = "Who may join a Closed or Secret room: "
            + PrincipalListOption.HELP)
    List<String> members;

    @Option(names = "--managers", paramLabel = "LIST", description = "Who manages the room: "
            + PrincipalListOption.HELP)
    List<String> managers;

    @Option(names = "--presenters", paramLabel = "LIST", description = "Who may post in an auditorium: "
            + PrincipalListOption.HELP)
    List<String> presenters;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (name != null) {
            body.put("name", name);
        }
        if (category != null) {
            body.put("category", category);
        }
        settings.addTo(body);
        PrincipalListOption.toJson("--members", members).ifPresent(v -> body.set("members", v));
        PrincipalListOption.toJson("--managers", managers).ifPresent(v -> body.set("managers", v));
        PrincipalListOption.toJson("--presenters", presenters).ifPresent(v -> body.set("presenters", v));
        if (body.isEmpty()) {
            throw new CliException("nothing to change: give at least one option besides --identity");
        }
        JsonNode changed = admin.patch("/api/v1/rooms/" + AdminClient.segment(identity), body);
        if (json()) {
            printJson(changed);
        } else {
            Tables.properties(out(), changed);
        }
    }
}
