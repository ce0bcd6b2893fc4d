package org.perch.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Password verifiers and brute-force protection.
 *
 * @param scramIterations PBKDF2 iterations for new SCRAM verifiers
 * @param maxFailuresPerAccount failed logins to one account before it is locked
 * @param maxFailuresPerAddress failed logins from one IP address before it is locked out
 * @param lockout how long a locked account or address waits
 * @param channelBinding whether SCRAM -PLUS with channel binding is offered
 */
public record AuthConfig(int scramIterations, int maxFailuresPerAccount, int maxFailuresPerAddress,
                         Duration lockout, boolean channelBinding) {
    public AuthConfig {
        if (scramIterations < 4096) {
            throw new IllegalArgumentException("scramIterations must be at least 4096, got " + scramIterations);
        }
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
        Objects.requireNonNull(lockout, "lockout");
    }
}
