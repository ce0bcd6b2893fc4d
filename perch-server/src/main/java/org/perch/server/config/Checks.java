package org.perch.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;

/** The value checks used by {@link ConfigKeys}. */
final class Checks {

    private Checks() {
    }

    static ConfigKey.ValueCheck port() {
        return v -> parseInt(v).filter(p -> p >= -1 && p <= 65535).isPresent()
                ? Optional.empty()
                : Optional.of("is not a port (1-65535, 0 for any, -1 to disable)");
    }

    static ConfigKey.ValueCheck range(int min, int max) {
        return v -> parseInt(v).filter(i -> i >= min && i <= max).isPresent()
                ? Optional.empty()
                : Optional.of("is not a whole number from " + min + " to " + max);
    }

    /** Free text of at most {@code max} characters, without control characters. */
    static ConfigKey.ValueCheck text(int max) {
        return v -> v.length() <= max && v.chars().noneMatch(Character::isISOControl)
                ? Optional.empty()
                : Optional.of("is not a name of at most " + max + " characters without control characters");
    }

    static ConfigKey.ValueCheck bool() {
        return v -> parseBoolean(v).isPresent() ? Optional.empty() : Optional.of("is not a boolean (true or false)");
    }

    static ConfigKey.ValueCheck domain() {
        return v -> isDomain(v) ? Optional.empty() : Optional.of("is not a domain name");
    }

    /** The MUC domain may name the XMPP domain as {@code <domain>}; it is substituted before the check. */
    static ConfigKey.ValueCheck domainTemplate() {
        return v -> isDomain(v.replace(ConfigKeys.DOMAIN_PLACEHOLDER, "example.org"))
                ? Optional.empty()
                : Optional.of("is not a domain name");
    }

    static ConfigKey.ValueCheck address() {
        return v -> !v.isEmpty() && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || ".-:_%".indexOf(c) >= 0)
                ? Optional.empty()
                : Optional.of("is not an address (an IP address or a host name)");
    }

    static ConfigKey.ValueCheck oneOf(String... choices) {
        List<String> allowed = List.of(choices);
        return v -> allowed.contains(v) ? Optional.empty()
                : Optional.of("is not one of " + String.join(", ", allowed));
    }

    /**
     * Empty (not used), or a PostgreSQL JDBC URL naming a host and a database, without a password: one in the URL
     * would end up in logs and in {@code perch config check}'s output.
     */
    static ConfigKey.ValueCheck postgresUrl() {
        return v -> {
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (!v.matches("jdbc:postgresql://[^/?#\\s]+/[^/?#\\s]+(\\?\\S*)?")) {
                return Optional.of("is not a PostgreSQL URL (jdbc:postgresql://host[:port]/database)");
            }
            return v.toLowerCase(Locale.ROOT).contains("password=")
                    ? Optional.of("holds a password: put it in store.password-file instead") : Optional.empty();
        };
    }

    static ConfigKey.ValueCheck path(boolean emptyAllowed) {
        return v -> {
            if (v.isEmpty()) {
                return emptyAllowed ? Optional.empty() : Optional.of("is not a path (it is empty)");
            }
            try {
                Path.of(v);
                return Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.of("is not a path (" + e.getReason() + ")");
            }
        };
    }

    static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static boolean isDomain(String value) {
        if (value.isEmpty() || value.contains("<") || value.contains(">") || value.contains(":")) {
            return false;
        }
        try {
            Jid jid = Jid.of(value);
            return !jid.hasLocal() && !jid.hasResource() && !jid.domain().isEmpty()
                    && !jid.domain().startsWith(".") && !jid.domain().contains("..");
        } catch (InvalidJidException e) {
            return false;
        }
    }
}
