package org.perch.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a list of strings into one text column: each item is terminated by a newline, with backslash and newline
 * escaped. Terminating (rather than separating) keeps the empty list and a list holding one empty string apart;
 * the order and any repeats come back as written. Readable in a SQL console.
 */
final class TextListColumn {

    private TextListColumn() {
    }

    static String encode(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            sb.append(item.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        return sb.toString();
    }

    static List<String> decode(String column) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\n') {
                items.add(item.toString());
                item.setLength(0);
            } else if (c == '\\' && i + 1 < column.length()) {
                item.append(column.charAt(++i) == 'n' ? '\n' : column.charAt(i));
            } else {
                item.append(c);
            }
        }
        return items;
    }
}
