package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch policy get}: Get-CsPersistentChatPolicy, and the policy in force for one account. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows one policy, the policies matching a filter, every policy, or an account's policy.")
final class PolicyGetCommand extends AdminCommand {

    static final class Which {
        @Option(names = "--identity", paramLabel = "ID", description = "global, site:NAME or a per-user NAME.")
        String identity;

        @Option(names = "--filter", paramLabel = "PATTERN",
                description = "Identities matching a pattern, * for any characters (site:*, tag:*), any case.")
        String filter;

        @Option(names = "--user", paramLabel = "JID",
                description = "The per-user policy granted to this account and the policy in force for it.")
        String user;
    }

    @ArgGroup(exclusive = true)
    Which which = new Which();

    @Override
    void run(AdminClient admin) {
        if (which.user != null) {
            JsonNode answer = admin.get("/api/v1/users/" + AdminClient.segment(which.user) + "/policy");
            print(answer, () -> userTable(out(), answer));
            return;
        }
        if (which.identity != null) {
            JsonNode answer = admin.get("/api/v1/policies/" + AdminClient.segment(which.identity));
            print(answer, () -> Tables.properties(out(), answer));
            return;
        }
        JsonNode answer = admin.get("/api/v1/policies");
        Pattern match = which.filter == null ? null : glob(which.filter);
        List<JsonNode> shown = new ArrayList<>();
        answer.path("policies").forEach(p -> {
            if (match == null || match.matcher(p.path("identity").asText()).matches()) {
                shown.add(p);
            }
        });
        if (json()) {
            printJson(AdminClient.JSON.createObjectNode().set("policies", AdminClient.JSON.valueToTree(shown)));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        shown.forEach(p -> rows.add(List.of(p.path("identity").asText(), p.path("scope").asText(), enabled(p),
                p.path("description").asText())));
        Tables.print(out(), List.of("IDENTITY", "SCOPE", "PERSISTENT CHAT", "DESCRIPTION"), rows);
    }

    private void print(JsonNode answer, Runnable table) {
        if (json()) {
            printJson(answer);
        } else {
            table.run();
        }
    }

    /** An account's policy as the API tells it: who, the policy granted, the policy in force, what it allows. */
    static void userTable(PrintWriter out, JsonNode answer) {
        Tables.print(out, List.of("USER", "GRANTED", "IN FORCE", "PERSISTENT CHAT"),
                List.of(List.of(answer.path("user").asText(),
                        answer.path("granted").isNull() ? "-" : answer.path("granted").asText(),
                        answer.path("effective").path("identity").asText(), enabled(answer.path("effective")))));
    }

    private static String enabled(JsonNode policy) {
        return policy.path("enablePersistentChat").asBoolean() ? "enabled" : "disabled";
    }

    /** The cmdlets' -Filter wildcard: {@code *} for any run of characters, everything else literal, any case. */
    private static Pattern glob(String pattern) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
