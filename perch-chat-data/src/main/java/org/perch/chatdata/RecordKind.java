package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * One kind of line in a data file ({@code "type": "room"} and so on), from end to end: which records an export
 * takes from the store, how one is written as a line and read back with its references checked, and how an
 * import puts it into the store. Adding a kind is one class and its place in {@link DataFormat#KINDS}.
 *
 * @param <T> the store's record this kind carries
 */
interface RecordKind<T> {

    /** The {@code type} field of its lines. */
    String type();

    /** {@code 1 room}, {@code 2 rooms}: for the operator's summary. */
    String noun(long count);

    /** Gives every record of this kind the export holds, in the file's order. */
    void export(ExportSource source, Consumer<T> out);

    /** Puts the record's fields, after {@code type}, into the line, always the same fields in the same order. */
    void write(T record, ExportSource source, ObjectNode line);

    /**
     * Reads a line of this kind: every field, checked, and every reference to an earlier line resolved through
     * the catalog, which learns what this line declares.
     */
    T read(LineFields fields, Catalog catalog);

    /** Stores a record read from a checked file. */
    void restore(T record, Restorer restorer);
}
