package org.perch.core;

import java.util.Objects;
import java.util.UUID;

/** A chat room's permanent identity; its name and address may change, this never does. */
public record RoomId(UUID value) {
    public RoomId {
        Objects.requireNonNull(value, "value");
    }

    public static RoomId random() {
        return new RoomId(UUID.randomUUID());
    }

    public static RoomId of(String text) {
        return new RoomId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
