package org.perch.domain.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A download the reader may make: the file on disk and what to say about it.
 *
 * @param path the file's bytes
 * @param size its size in bytes
 * @param contentType the media type declared at upload
 * @param name the display name
 */
public record FileDownload(Path path, long size, String contentType, String name) {

    /** Images browsers show without running anything; SVG is not one of them (it may carry script). */
    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Whether a browser may show the file in place rather than save it. */
    public boolean inline() {
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return INLINE_IMAGES.contains((parameters < 0 ? type : type.substring(0, parameters)).strip());
    }
}
