package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perch policy set}: Set-CsPersistentChatPolicy. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Changes a policy; connected users are held to it at once (those it shuts out leave their"
                + " rooms).")
final class PolicySetCommand extends AdminCommand {

    @Option(names = "--identity", paramLabel = "ID", defaultValue = "global",
            description = "global (the default), site:NAME, or a per-user policy's NAME.")
    String identity;

    @Mixin
    PolicyOptions settings;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = settings.into(AdminClient.JSON.createObjectNode());
        if (body.isEmpty()) {
            throw new CliException("nothing to change: give --description or --enable-persistent-chat");
        }
        JsonNode changed = admin.patch("/api/v1/policies/" + AdminClient.segment(identity), body);
        if (json()) {
            printJson(changed);
        } else {
            Tables.properties(out(), changed);
        }
    }
}
