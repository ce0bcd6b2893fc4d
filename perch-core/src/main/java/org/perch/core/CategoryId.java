package org.perch.core;

import java.util.Objects;
import java.util.UUID;

/** A category's permanent identity; its name may change, this never does. */
public record CategoryId(UUID value) {
    public CategoryId {
        Objects.requireNonNull(value, "value");
    }

    public static CategoryId random() {
        return new CategoryId(UUID.randomUUID());
    }

    public static CategoryId of(String text) {
        return new CategoryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
