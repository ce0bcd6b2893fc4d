package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code perch eligible-principal get}: Get-CsPersistentChatEligiblePrincipal. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows the accounts a category's scope lets be members, managers or presenters of its rooms.")
final class EligiblePrincipalGetCommand extends AdminCommand {

    /** Lync's -Category and -Room: one of the two. */
    static final class Target {
        @Option(names = "--category", paramLabel = "NAME", required = true, description = "A category (any case).")
        String category;

        @Option(names = "--room", paramLabel = "NAME", required = true,
                description = "A room (any case): its category's eligible members and managers.")
        String room;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--presenters", description = "With --room: an auditorium's eligible presenters.")
    boolean presenters;

    @Option(names = "--filter", paramLabel = "PATTERN",
            description = "JIDs matching PATTERN, * standing for any run of characters (\"*smith*\"), any case.")
    String filter;

    @Option(names = "--result-size", paramLabel = "N", description = "At most N principals (0 to 2147483647).")
    Integer resultSize;

    @Override
    void run(AdminClient admin) {
        if (presenters && target.room == null) {
            throw new ParameterException(spec.commandLine(), "--presenters goes with --room");
        }
        List<String> query = new ArrayList<>();
        if (presenters) {
            query.add("presenters=true");
        }
        if (filter != null) {
            query.add("filter=" + AdminClient.segment(filter));
        }
        if (resultSize != null) {
            query.add("resultSize=" + resultSize);
        }
        String path = (target.room != null ? "/api/v1/rooms/" + AdminClient.segment(target.room)
                : "/api/v1/categories/" + AdminClient.segment(target.category)) + "/eligible-principals";
        JsonNode answer = admin.get(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        if (json()) {
            printJson(answer);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        answer.path("principals").forEach(p -> rows.add(List.of(p.path("jid").asText(), p.path("type").asText())));
        Tables.print(out(), List.of("JID", "TYPE"), rows);
    }
}
