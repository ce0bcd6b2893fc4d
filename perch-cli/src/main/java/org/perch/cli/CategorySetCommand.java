package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch category set}: Set-CsPersistentChatCategory. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Changes a category. Whoever a narrower scope leaves out loses their roles in its rooms.")
final class CategorySetCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The category (any case).")
    String identity;

    @Option(names = "--name", paramLabel = "NAME", description = "A new name.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "At most 256 characters.")
    String description;

    @Option(names = "--allowed-members", paramLabel = "LIST", description = "Who may be in its rooms: "
            + PrincipalListOption.HELP)
    List<String> allowedMembers;

    @Option(names = "--denied-members", paramLabel = "LIST", description = "Who may not, whatever else says: "
            + PrincipalListOption.HELP)
    List<String> deniedMembers;

    @Option(names = "--creators", paramLabel = "LIST", description = "Who may create rooms in it: "
            + PrincipalListOption.HELP)
    List<String> creators;

    @Option(names = "--chat-history", paramLabel = "BOOL", arity = "1", description = "Keep messages in history.")
    Boolean chatHistory;

    @Option(names = "--file-upload", paramLabel = "BOOL", arity = "1", description = "Allow files in its rooms.")
    Boolean fileUpload;

    @Option(names = "--invitations", paramLabel = "BOOL", arity = "1", description = "Allow invitations.")
    Boolean invitations;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        PrincipalListOption.toJson("--allowed-members", allowedMembers).ifPresent(v -> body.set("allowedMembers", v));
        PrincipalListOption.toJson("--denied-members", deniedMembers).ifPresent(v -> body.set("deniedMembers", v));
        PrincipalListOption.toJson("--creators", creators).ifPresent(v -> body.set("creators", v));
        if (chatHistory != null) {
            body.put("chatHistory", chatHistory);
        }
        if (fileUpload != null) {
            body.put("fileUpload", fileUpload);
        }
        if (invitations != null) {
            body.put("invitations", invitations);
        }
        if (body.isEmpty()) {
            throw new CliException("nothing to change: give at least one option besides --identity");
        }
        JsonNode changed = admin.patch("/api/v1/categories/" + AdminClient.segment(identity), body);
        if (json()) {
            printJson(changed);
        } else {
            Tables.properties(out(), changed);
        }
    }
}
