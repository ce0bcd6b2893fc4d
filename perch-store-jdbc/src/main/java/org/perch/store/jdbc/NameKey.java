package org.perch.store.jdbc;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The case-free form under which category and room names are unique (the {@code name_key} columns), looked up
 * and sorted. Computed here rather than with SQL LOWER(), whose Unicode rules differ between databases.
 * Sorting by it puts "beta" between "Alpha" and "Zulu", and, the form being unique, never ties.
 */
final class NameKey {

    private NameKey() {
    }

    static String of(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static <T> Comparator<T> byName(Function<T, String> name) {
        return Comparator.comparing(t -> of(name.apply(t)));
    }
}
