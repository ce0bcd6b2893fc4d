package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-text output for people: aligned columns, or one property per line. */
final class Tables {

    private Tables() {
    }

    static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** An object's fields, one per line: {@code name: value}, arrays joined with commas. */
    static void properties(PrintWriter out, JsonNode object) {
        int width = object.properties().stream().mapToInt(p -> p.getKey().length()).max().orElse(0);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            out.println(String.format("%-" + (width + 1) + "s ", field.getKey() + ":")
                    + (value.isArray() ? list(value) : value.asText()));
        }
    }

    /** An array of strings as {@code a, b}, or {@code -} when empty. */
    static String list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items.isEmpty() ? "-" : String.join(", ", items);
    }
}
