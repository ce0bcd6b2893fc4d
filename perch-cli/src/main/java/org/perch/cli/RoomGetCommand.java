package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch room get}: Get-CsPersistentChatRoom, with its filters. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Shows one room, or the rooms that match every filter given (all rooms without filters).")
final class RoomGetCommand extends AdminCommand {

    @Option(names = "--identity", paramLabel = "NAME", description = "One room, by name (any case).")
    String identity;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Rooms of this category.")
    String category;

    @Option(names = "--privacy", paramLabel = "PRIVACY", description = "open, closed or secret rooms.")
    String privacy;

    @Option(names = "--type", paramLabel = "TYPE", description = "normal or auditorium rooms.")
    String type;

    @Option(names = "--disabled", paramLabel = "BOOL", arity = "1", description = "Disabled (true) or enabled rooms.")
    Boolean disabled;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Rooms whose name contains TEXT (any case).")
    String filter;

    @Option(names = "--manager", paramLabel = "PRINCIPAL", description = "Rooms this principal manages.")
    String manager;

    @Option(names = "--member", paramLabel = "PRINCIPAL", description = "Rooms this principal is a member of.")
    String member;

    @Option(names = "--search-description", description = "--filter looks in descriptions too.")
    boolean searchDescription;

    @Option(names = "--addin", paramLabel = "NAME", description = "Rooms that show this registered add-in.")
    String addin;

    @Option(names = "--invitations", paramLabel = "SETTING",
            description = "Rooms that inherit their category's invitations (inherit) or turn them off (false).")
    String invitations;

    @Option(names = "--chat-content-exceeds-mb", paramLabel = "N",
            description = "Rooms whose stored messages hold more than N MB (of 1,048,576 bytes).")
    Integer chatContentExceedsMb;

    @Option(names = "--result-size", paramLabel = "N", description = "At most N rooms (0 to 2147483647).")
    Integer resultSize;

    @Override
    void run(AdminClient admin) {
        if (identity != null) {
            JsonNode room = admin.get("/api/v1/rooms/" + AdminClient.segment(identity));
            if (json()) {
                printJson(room);
            } else {
                Tables.properties(out(), room);
            }
            return;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "category", category);
        put(filters, "privacy", privacy);
        put(filters, "type", type);
        put(filters, "disabled", disabled == null ? null : disabled.toString());
        put(filters, "filter", filter);
        put(filters, "manager", manager);
        put(filters, "member", member);
        put(filters, "searchDescription", searchDescription ? "true" : null);
        put(filters, "addin", addin);
        // The cmdlet's value is False; the API's, off.
        put(filters, "invitations", "false".equalsIgnoreCase(invitations) ? "off" : invitations);
        put(filters, "chatContentExceedsMb", chatContentExceedsMb == null ? null : chatContentExceedsMb.toString());
        put(filters, "resultSize", resultSize == null ? null : resultSize.toString());
        String query = filters.entrySet().stream().map(e -> e.getKey() + "=" + AdminClient.segment(e.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode all = admin.get("/api/v1/rooms" + (query.isEmpty() ? "" : "?" + query));
        if (json()) {
            printJson(all);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : all.path("rooms")) {
            rows.add(List.of(r.path("name").asText(), r.path("address").asText(), r.path("category").asText(),
                    r.path("privacy").asText(), r.path("type").asText(), r.path("disabled").asBoolean() ? "yes" : "no",
                    Tables.list(r.path("managers")), Tables.list(r.path("members"))));
        }
        Tables.print(out(), List.of("NAME", "ADDRESS", "CATEGORY", "PRIVACY", "TYPE", "DISABLED", "MANAGERS",
                "MEMBERS"), rows);
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }
}
