package org.perch.chatdata;

import java.util.Optional;

/**
 * A data file is not what an import can restore: the message names the line (counting from 1) and, where one is
 * at fault, the field, as {@code line 7, field 'category': …}.
 */
public final class DataFileException extends ChatDataException {

    private final long line;
    private final Optional<String> field;

    DataFileException(long line, Optional<String> field, String problem) {
        super("line " + line + field.map(f -> ", field '" + f + "'").orElse("") + ": " + problem);
        this.line = line;
        this.field = field;
    }

    static DataFileException at(long line, String problem) {
        return new DataFileException(line, Optional.empty(), problem);
    }

    static DataFileException at(long line, String field, String problem) {
        return new DataFileException(line, Optional.of(field), problem);
    }

    public long line() {
        return line;
    }

    public Optional<String> field() {
        return field;
    }
}
