package org.perch.server.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its name, its default (as written in a file) and what it does. The table of every key
 * is {@link ConfigKeys}; the loader and the documentation both read it.
 *
 * @param name kebab-case key, e.g. {@code xmpp.c2s-port}
 * @param defaultValue the value used when no source sets the key; may mention {@code <domain>}
 * @param description one sentence for the documentation table
 * @param check validates a value
 */
public record ConfigKey(String name, String defaultValue, String description, ValueCheck check) {

    /** Validates one value of a key. */
    @FunctionalInterface
    public interface ValueCheck {
        /** What is wrong with the (trimmed) value, worded to follow it: "is not a port (…)"; empty if valid. */
        Optional<String> problem(String value);
    }

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(check, "check");
    }

    /** The environment variable that sets this key: {@code PERCH_} and the key upper-cased, {@code .-} → {@code _}. */
    public String environmentVariable() {
        return "PERCH_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
