package org.perch.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The events a directory of JSON Lines compliance exports holds, read line by line, in file-name order. */
final class ComplianceExports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComplianceExports() {
    }

    static List<JsonNode> read(Path directory) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    events.add(JSON.readTree(line));
                }
            }
        }
        return events;
    }

    /** The stanza-ids of the CHAT events, in export order. */
    static List<String> chatMessageIds(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("type").asText().equals("CHAT"))
                .map(e -> e.path("messageId").asText()).toList();
    }
}
