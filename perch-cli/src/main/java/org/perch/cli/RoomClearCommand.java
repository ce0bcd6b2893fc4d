package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch room clear}: Clear-CsPersistentChatRoom. */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = "Deletes every message of a room posted on or before the end date, from history and search.")
final class RoomClearCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The room (any case).")
    String identity;

    @Option(names = "--end-date", required = true, paramLabel = "DATE",
            description = "YYYY-MM-DD (that whole day, UTC, is cleared too) or an instant such as"
                    + " 2026-01-31T12:00:00Z.")
    String endDate;

    @Override
    void run(AdminClient admin) {
        String end = DateArgument.endOf("--end-date", endDate).toString();
        JsonNode result = admin.post("/api/v1/rooms/" + AdminClient.segment(identity) + "/clear",
                AdminClient.JSON.createObjectNode().put("endDate", end));
        if (json()) {
            printJson(result);
        } else {
            out().println("removed " + result.path("removed").asInt() + " messages from " + identity);
        }
    }
}
