package org.perch.compliance.verify;

import java.nio.file.Path;
import java.util.Objects;
import org.perch.compliance.ChainedEvent;

/**
 * A chain link as read back from an exported file.
 *
 * @param file the file it is in
 * @param position its place in that file, from 0
 * @param link the event and its link, as the file holds them
 */
record ExportedLink(Path file, int position, ChainedEvent link) {
    ExportedLink {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(link, "link");
    }
}
