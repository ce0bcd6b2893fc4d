package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch message remove}: Remove-CsPersistentChatMessage. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Takes the chosen messages of a room out of its history and search; occupants see them"
                + " withdrawn. Each is replaced by a tombstone holding a text (Lync's default: 'This message was"
                + " replaced by the Persistent Chat administrator.'), or deleted outright with --remove.",
            "Give at least one of --user-uri, --message-text, --start-date, --end-date; to empty a whole room use"
                + " 'perch room clear'."})
final class MessageRemoveCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "ROOM", description = "The room's name (any case).")
    String identity;

    @Option(names = "--user-uri", paramLabel = "JID", description = "Only messages this user sent.")
    String userUri;

    @Option(names = "--message-text", paramLabel = "WORDS", description = "Only messages containing these words.")
    String messageText;

    @Option(names = "--match-clause", paramLabel = "HOW", description = "all (every word, the default), or (any"
            + " word) or exact (the words as one phrase).")
    String matchClause;

    @Option(names = "--case-sensitive", paramLabel = "BOOL", arity = "1",
            description = "Whether case matters in --message-text (false by default).")
    Boolean caseSensitive;

    @Option(names = "--start-date", paramLabel = "DATE",
            description = "Only messages posted on or after it: YYYY-MM-DD (from the day's start, UTC) or an instant.")
    String startDate;

    @Option(names = "--end-date", paramLabel = "DATE",
            description = "Only messages posted on or before it: YYYY-MM-DD (that whole day, UTC) or an instant.")
    String endDate;

    static final class What {
        @Option(names = "--remove", description = "Delete the messages, leaving nothing in their place.")
        boolean remove;

        @Option(names = "--replace-message", paramLabel = "TEXT",
                description = "The text left in place of each message (at most 1024 characters).")
        String replaceMessage;
    }

    @ArgGroup(exclusive = true)
    What what = new What();

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (userUri != null) {
            body.put("userUri", userUri);
        }
        if (messageText != null) {
            body.put("messageText", messageText);
        }
        if (matchClause != null) {
            body.put("matchClause", matchClause);
        }
        if (caseSensitive != null) {
            body.put("caseSensitive", caseSensitive);
        }
        if (startDate != null) {
            body.put("startDate", DateArgument.startOf("--start-date", startDate).toString());
        }
        if (endDate != null) {
            body.put("endDate", DateArgument.endOf("--end-date", endDate).toString());
        }
        if (what.remove) {
            body.put("remove", true);
        }
        if (what.replaceMessage != null) {
            body.put("replaceMessage", what.replaceMessage);
        }
        JsonNode result = admin.post("/api/v1/rooms/" + AdminClient.segment(identity) + "/messages/remove", body);
        if (json()) {
            printJson(result);
        } else {
            out().println((what.remove ? "deleted " : "replaced ") + result.path("removed").asInt()
                    + " messages in " + identity);
        }
    }
}
