package org.perch.domain.chat;

import java.util.Optional;
import org.perch.core.Jid;

/** A room's address is the local part of its JID, so it follows the JID rules and folds case like one. */
final class RoomAddress {

    // Any domain will do: only the local part is kept, but a JID cannot be built without a domain.
    private static final String ANY_DOMAIN = "chat.invalid";

    private RoomAddress() {
    }

    /** The address as stored; throws IllegalArgumentException naming what is wrong. */
    static String normalise(String address) {
        if (address.isEmpty()) {
            throw new IllegalArgumentException("a room address must not be empty");
        }
        return Jid.bare(address, ANY_DOMAIN).local();
    }

    static Optional<String> parse(String address) {
        try {
            return Optional.of(normalise(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
