package org.perch.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * File posting (XEP-0363, ADR 0007).
 *
 * @param enabled whether the upload service and the HTTP transfers are offered
 * @param directory where the files are stored, absolute; in a pool, a path every server shares
 * @param publicUrl the HTTP listener's address as clients reach it; empty: made from the domain and the bound port
 */
public record FilesConfig(boolean enabled, Path directory, String publicUrl) {
    public FilesConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }
}
