package org.perch.store.jdbc;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Packs a roster item's groups into one text column: each name is terminated by a newline, with backslash and
 * newline escaped. Terminating (rather than separating) keeps the empty set and a set holding one empty name
 * apart; sorting makes equal sets store equal text. Readable in a SQL console.
 */
final class GroupsColumn {

    private GroupsColumn() {
    }

    static String encode(Set<String> groups) {
        StringBuilder sb = new StringBuilder();
        for (String group : new TreeSet<>(groups)) {
            sb.append(group.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        return sb.toString();
    }

    static Set<String> decode(String column) {
        Set<String> groups = new HashSet<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\n') {
                groups.add(name.toString());
                name.setLength(0);
            } else if (c == '\\' && i + 1 < column.length()) {
                name.append(column.charAt(++i) == 'n' ? '\n' : column.charAt(i));
            } else {
                name.append(c);
            }
        }
        return groups;
    }
}
