package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code perch compliance run-now}: an export run now, rather than at the next RunInterval. */
@Command(name = "run-now", mixinStandardHelpOptions = true,
        description = "Moves every captured event into the compliance database and exports them now; prints the"
                + " state after the run. Fails (exit 1) if compliance is off or the run failed.")
final class ComplianceRunNowCommand extends AdminCommand {

    @Override
    void run(AdminClient admin) {
        JsonNode answer = admin.post("/api/v1/compliance/run", AdminClient.JSON.createObjectNode());
        if (json()) {
            printJson(answer);
        } else {
            Tables.properties(out(), answer);
        }
        if (!answer.path("lastError").isNull()) {
            throw new CliException("the compliance run failed: " + answer.path("lastError").asText());
        }
    }
}
