package org.perch.store.compliance;

import java.util.Objects;
import org.perch.core.RoomId;

/**
 * The room an event happened in, as it was then: its id, its address (the local part of its JID) and its name.
 */
public record ComplianceRoom(RoomId id, String address, String name) {
    public ComplianceRoom {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
    }
}
