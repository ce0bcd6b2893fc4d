package org.perch.store.jdbc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Packs a roster item's groups into one text column as a {@link TextListColumn}, sorted so that equal sets store
 * equal text.
 */
final class GroupsColumn {

    private GroupsColumn() {
    }

    static String encode(Set<String> groups) {
        return TextListColumn.encode(List.copyOf(new TreeSet<>(groups)));
    }

    static Set<String> decode(String column) {
        return new HashSet<>(TextListColumn.decode(column));
    }
}
