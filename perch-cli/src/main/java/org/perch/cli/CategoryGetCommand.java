package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch category get [--identity NAME]}: Get-CsPersistentChatCategory. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows one category, or every category when no name is given.")
final class CategoryGetCommand extends AdminCommand {

    @Option(names = "--identity", paramLabel = "NAME", description = "The category's name (any case); all when absent.")
    String name;

    @Override
    void run(AdminClient admin) {
        if (name != null) {
            JsonNode category = admin.get("/api/v1/categories/" + AdminClient.segment(name));
            if (json()) {
                printJson(category);
            } else {
                Tables.properties(out(), category);
            }
            return;
        }
        JsonNode all = admin.get("/api/v1/categories");
        if (json()) {
            printJson(all);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : all.path("categories")) {
            rows.add(List.of(c.path("name").asText(), Tables.list(c.path("allowedMembers")),
                    Tables.list(c.path("deniedMembers")), Tables.list(c.path("creators")),
                    c.path("invitations").asText(), c.path("fileUpload").asText(), c.path("chatHistory").asText()));
        }
        Tables.print(out(), List.of("NAME", "ALLOWED", "DENIED", "CREATORS", "INVITATIONS", "FILE-UPLOAD",
                "CHAT-HISTORY"), rows);
    }
}
