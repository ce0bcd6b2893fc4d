package org.perch.store.chat;

import java.util.Locale;
import java.util.Objects;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;

/**
 * A Lync chat room. {@code address} is the local part of its XMPP address ({@code address@chat.domain}), fixed at
 * creation; {@code name} is the Lync name, unique per pool without regard to case, and may change. The
 * {@code subject} is the XMPP room subject (Lync has none; clients show it as the topic).
 */
public record Room(RoomId id, String address, CategoryId category, String name, String description,
                   RoomSettings settings, RoomRoles roles, String subject) {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 256;
    public static final int MAX_ADDRESS_LENGTH = 256;

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH
                || !address.equals(address.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a room address is 1 to " + MAX_ADDRESS_LENGTH
                    + " lower-case characters, got '" + address + "'");
        }
        Objects.requireNonNull(category, "category");
        name = Names.requireName(name, MAX_NAME_LENGTH, "room name");
        description = Names.requireDescription(description, MAX_DESCRIPTION_LENGTH);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new room with Lync's defaults: Closed, Normal, invitations inherited, no roles, no subject. */
    public static Room create(String address, CategoryId category, String name) {
        return new Room(RoomId.random(), address, category, name, "", RoomSettings.DEFAULTS, RoomRoles.NONE, "");
    }

    public Room withCategory(CategoryId c) {
        return new Room(id, address, c, name, description, settings, roles, subject);
    }

    public Room withName(String n) {
        return new Room(id, address, category, n, description, settings, roles, subject);
    }

    public Room withDescription(String d) {
        return new Room(id, address, category, name, d, settings, roles, subject);
    }

    public Room withSettings(RoomSettings s) {
        return new Room(id, address, category, name, description, s, roles, subject);
    }

    public Room withRoles(RoomRoles r) {
        return new Room(id, address, category, name, description, settings, r, subject);
    }

    public Room withSubject(String s) {
        return new Room(id, address, category, name, description, settings, roles, s);
    }
}
