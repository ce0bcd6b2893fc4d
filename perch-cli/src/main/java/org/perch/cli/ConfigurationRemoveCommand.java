package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code perch configuration remove}: Remove-CsPersistentChatConfiguration. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Forgets the configuration set here, so the configuration file's values apply again.")
final class ConfigurationRemoveCommand extends AdminCommand {

    @Override
    void run(AdminClient admin) {
        JsonNode reset = admin.delete("/api/v1/configuration");
        if (json()) {
            printJson(reset);
        } else {
            Tables.properties(out(), reset);
        }
    }
}
