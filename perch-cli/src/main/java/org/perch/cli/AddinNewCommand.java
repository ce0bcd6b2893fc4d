package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch addin new}: New-CsPersistentChatAddin. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Registers an add-in, a web page rooms can show beside the conversation.")
final class AddinNewCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique; at most 50 characters.")
    String name;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "An http or https URL.")
    String url;

    @Override
    void run(AdminClient admin) {
        JsonNode created = admin.post("/api/v1/addins", AdminClient.JSON.createObjectNode().put("name", name)
                .put("url", url));
        if (json()) {
            printJson(created);
        } else {
            out().println("created add-in " + created.path("name").asText());
        }
    }
}
