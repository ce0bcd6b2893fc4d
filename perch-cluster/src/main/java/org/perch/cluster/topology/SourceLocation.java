package org.perch.cluster.topology;

import java.util.Objects;

/**
 * A place in a topology file: a line and a column, both from 1.
 *
 * @param file the file's name as the user gave it
 */
public record SourceLocation(String file, int line, int column) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** {@code FILE:LINE:COLUMN}, the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
