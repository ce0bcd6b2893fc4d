package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch addin get}: Get-CsPersistentChatAddin. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one add-in, or every add-in.")
final class AddinGetCommand extends AdminCommand {

    @Option(names = "--identity", paramLabel = "NAME", description = "The add-in's name (any case); all when absent.")
    String identity;

    @Override
    void run(AdminClient admin) {
        JsonNode answer = admin.get("/api/v1/addins" + (identity == null ? "" : "/" + AdminClient.segment(identity)));
        if (json()) {
            printJson(answer);
        } else if (identity != null) {
            Tables.properties(out(), answer);
        } else {
            List<List<String>> rows = new ArrayList<>();
            answer.path("addins").forEach(a -> rows.add(List.of(a.path("name").asText(), a.path("url").asText())));
            Tables.print(out(), List.of("NAME", "URL"), rows);
        }
    }
}
