package org.perch.domain.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where files live and how they are reached.
 *
 * @param directory the file store directory (shared by every server of a pool), made owner-only
 * @param baseUrl the HTTP listener's public address without a trailing slash, e.g. {@code https://chat.example.org:5280}
 * @param slotLifetime how long after a slot is granted its upload may start
 * @param unpostedLifetime how long a file that was never posted is kept
 */
public record FileSettings(Path directory, String baseUrl, Duration slotLifetime, Duration unpostedLifetime) {

    public static final Duration DEFAULT_SLOT_LIFETIME = Duration.ofMinutes(5);
    public static final Duration DEFAULT_UNPOSTED_LIFETIME = Duration.ofHours(24);

    public FileSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("the files' base URL must be http or https: " + baseUrl);
        }
        Objects.requireNonNull(slotLifetime, "slotLifetime");
        Objects.requireNonNull(unpostedLifetime, "unpostedLifetime");
    }

    public FileSettings(Path directory, String baseUrl) {
        this(directory, baseUrl, DEFAULT_SLOT_LIFETIME, DEFAULT_UNPOSTED_LIFETIME);
    }
}
