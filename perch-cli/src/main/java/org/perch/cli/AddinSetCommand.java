package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch addin set}: Set-CsPersistentChatAddin. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Changes an add-in's name or URL; rooms that show it follow a rename.")
final class AddinSetCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The add-in (any case).")
    String identity;

    @Option(names = "--name", paramLabel = "NAME", description = "A new name.")
    String name;

    @Option(names = "--url", paramLabel = "URL", description = "A new http or https URL.")
    String url;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (name != null) {
            body.put("name", name);
        }
        if (url != null) {
            body.put("url", url);
        }
        if (body.isEmpty()) {
            throw new CliException("nothing to change: give --name or --url");
        }
        JsonNode changed = admin.patch("/api/v1/addins/" + AdminClient.segment(identity), body);
        if (json()) {
            printJson(changed);
        } else {
            Tables.properties(out(), changed);
        }
    }
}
