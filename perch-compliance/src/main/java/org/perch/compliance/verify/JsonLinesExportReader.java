package org.perch.compliance.verify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.perch.compliance.EventJson;

/** Reads the links back from a file of the {@code jsonl} adapter, one per line. */
final class JsonLinesExportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesExportReader() {
    }

    static List<ExportedLink> read(Path file) throws IOException, UnreadableExportException {
        List<ExportedLink> links = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode json = JSON.readTree(line);
                    links.add(new ExportedLink(file, links.size(), EventJson.fromJson(json)));
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new UnreadableExportException("line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        return links;
    }
}
