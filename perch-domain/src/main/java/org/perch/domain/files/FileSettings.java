package org.perch.domain.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where files live and how they are reached.
 *
 * @param directory the file store directory (shared by every server of a pool), made owner-only
 * @param baseUrl the HTTP listener's public address, e.g. {@code https://chat.example.org:5280}; asked once, on first
 *        use (when the listener has bound, so a port picked at start is known)
 * @param slotLifetime how long after a slot is granted its upload may start
 * @param unpostedLifetime how long a file that was never posted is kept
 */
public record FileSettings(Path directory, Supplier<String> baseUrl, Duration slotLifetime,
                           Duration unpostedLifetime) {

    public static final Duration DEFAULT_SLOT_LIFETIME = Duration.ofMinutes(5);
    public static final Duration DEFAULT_UNPOSTED_LIFETIME = Duration.ofHours(24);

    public FileSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(slotLifetime, "slotLifetime");
        Objects.requireNonNull(unpostedLifetime, "unpostedLifetime");
    }

    public FileSettings(Path directory, Supplier<String> baseUrl) {
        this(directory, baseUrl, DEFAULT_SLOT_LIFETIME, DEFAULT_UNPOSTED_LIFETIME);
    }
}
