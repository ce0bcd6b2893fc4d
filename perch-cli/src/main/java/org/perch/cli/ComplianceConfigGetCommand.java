package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code perch compliance config get}: Get-CsPersistentChatComplianceConfiguration. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows the compliance configuration in force.")
final class ComplianceConfigGetCommand extends AdminCommand {

    @Override
    void run(AdminClient admin) {
        JsonNode answer = admin.get("/api/v1/compliance/configuration");
        if (json()) {
            printJson(answer);
        } else {
            Tables.properties(out(), answer);
        }
    }
}
