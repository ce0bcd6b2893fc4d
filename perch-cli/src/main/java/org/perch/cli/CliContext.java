package org.perch.cli;

import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process, so tests can supply their own.
 *
 * @param environment the environment variables ({@code PERCH_*} configuration keys)
 * @param passwords where new passwords are read from
 */
record CliContext(Map<String, String> environment, PasswordSource passwords) {
    CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(passwords, "passwords");
    }

    static CliContext system() {
        return new CliContext(System.getenv(), PasswordSource.system());
    }
}
