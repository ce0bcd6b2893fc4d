package org.perch.store.chat;

import java.util.Objects;

/** The checks shared by category and room names and descriptions. */
final class Names {
    private Names() {
    }

    static String requireName(String name, int max, String what) {
        Objects.requireNonNull(name, what);
        String n = name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (n.length() > max) {
            throw new IllegalArgumentException(what + " is " + n.length() + " characters; at most " + max);
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return n;
    }

    static String requireDescription(String description, int max) {
        Objects.requireNonNull(description, "description");
        if (description.length() > max) {
            throw new IllegalArgumentException("description is " + description.length()
                    + " characters; at most " + max);
        }
        return description;
    }
}
