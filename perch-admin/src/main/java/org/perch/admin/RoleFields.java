package org.perch.admin;

import org.perch.store.chat.RoomRoles;

/** The {@code members}, {@code managers} and {@code presenters} fields of a room's body, as list changes. */
public final class RoleFields {

    private RoleFields() {
    }

    /** The roles with each list the body names replaced or changed ({@link ListChange}); the others as they were. */
    public static RoomRoles applyTo(Body body, RoomRoles roles) {
        RoomRoles r = roles;
        RoomRoles withMembers = body.principals("members").map(c -> r.withMembers(c.applyTo(r.members())))
                .orElse(r);
        RoomRoles withManagers = body.principals("managers")
                .map(c -> withMembers.withManagers(c.applyTo(withMembers.managers()))).orElse(withMembers);
        return body.principals("presenters")
                .map(c -> withManagers.withPresenters(c.applyTo(withManagers.presenters()))).orElse(withManagers);
    }
}
