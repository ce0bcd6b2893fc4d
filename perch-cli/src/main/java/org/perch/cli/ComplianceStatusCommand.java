package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code perch compliance status}: whether compliance is on, the backlogs, the last run and its error. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows whether compliance is on, how many events wait to reach the compliance database and to"
                + " be exported, and how the last run went.")
final class ComplianceStatusCommand extends AdminCommand {

    @Override
    void run(AdminClient admin) {
        JsonNode answer = admin.get("/api/v1/compliance/status");
        if (json()) {
            printJson(answer);
        } else {
            Tables.properties(out(), answer);
        }
    }
}
