package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
        JsonNode result = admin.post("/api/v1/rooms/" + AdminClient.segment(identity) + "/clear",
                AdminClient.JSON.createObjectNode().put("endDate", instant(endDate).toString()));
        if (json()) {
            printJson(result);
        } else {
            out().println("removed " + result.path("removed").asInt() + " messages from " + identity);
        }
    }

    /** A date means "on or before that day": up to its last microsecond, the finest a timestamp is kept to. */
    static Instant instant(String text) {
        try {
            return text.contains("T") ? Instant.parse(text)
                    : LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000);
        } catch (DateTimeParseException e) {
            throw new CliException("--end-date '" + text + "' is neither YYYY-MM-DD nor an instant such as"
                    + " 2026-01-31T12:00:00Z");
        }
    }
}
