package org.perch.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Stream management (XEP-0198).
 *
 * @param resumeTimeout how long a dropped session may be resumed; zero disables resumption
 */
public record StreamManagementConfig(Duration resumeTimeout) {
    public StreamManagementConfig {
        Objects.requireNonNull(resumeTimeout, "resumeTimeout");
        if (resumeTimeout.isNegative()) {
            throw new IllegalArgumentException("resumeTimeout must not be negative");
        }
    }

    public boolean resumptionEnabled() {
        return !resumeTimeout.isZero();
    }
}
