package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perch policy new}: New-CsPersistentChatPolicy. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a site policy (site:NAME) or a per-user policy (NAME or tag:NAME).")
final class PolicyNewCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "ID",
            description = "site:NAME for a site, NAME or tag:NAME for a per-user policy.")
    String identity;

    @Mixin
    PolicyOptions settings;

    @Override
    void run(AdminClient admin) {
        JsonNode created = admin.post("/api/v1/policies",
                settings.into(AdminClient.JSON.createObjectNode().put("identity", identity)));
        if (json()) {
            printJson(created);
        } else {
            out().println("created policy " + created.path("identity").asText());
        }
    }
}
