package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code perch compliance config remove}: Remove-CsPersistentChatComplianceConfiguration. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Back to Lync's defaults: compliance off, after a last export of what was captured.")
final class ComplianceConfigRemoveCommand extends AdminCommand {

    @Override
    void run(AdminClient admin) {
        JsonNode answer = admin.delete("/api/v1/compliance/configuration");
        if (json()) {
            printJson(answer);
        } else {
            Tables.properties(out(), answer);
        }
    }
}
