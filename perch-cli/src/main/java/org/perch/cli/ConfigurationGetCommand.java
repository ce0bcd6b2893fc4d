package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code perch configuration get}: Get-CsPersistentChatConfiguration. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows the configuration in force.")
final class ConfigurationGetCommand extends AdminCommand {

    @Override
    void run(AdminClient admin) {
        JsonNode configuration = admin.get("/api/v1/configuration");
        if (json()) {
            printJson(configuration);
        } else {
            Tables.properties(out(), configuration);
        }
    }
}
