package org.perch.store.chat;

import java.util.Set;
import org.perch.core.Principal;

/** Who holds a role in a room: members, managers, and presenters (who post in auditoriums). */
public record RoomRoles(Set<Principal> members, Set<Principal> managers, Set<Principal> presenters) {
    public static final RoomRoles NONE = new RoomRoles(Set.of(), Set.of(), Set.of());

    public RoomRoles {
        members = Set.copyOf(members);
        managers = Set.copyOf(managers);
        presenters = Set.copyOf(presenters);
    }

    public RoomRoles withMembers(Set<Principal> p) {
        return new RoomRoles(p, managers, presenters);
    }

    public RoomRoles withManagers(Set<Principal> p) {
        return new RoomRoles(members, p, presenters);
    }

    public RoomRoles withPresenters(Set<Principal> p) {
        return new RoomRoles(members, managers, p);
    }
}
