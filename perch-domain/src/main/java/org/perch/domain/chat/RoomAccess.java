package org.perch.domain.chat;

import java.util.Objects;
import java.util.Set;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomType;

/**
 * What one user may do in one room under the Lync rules (spec §5). Roles count only while the user is in the
 * category's scope: a manager, presenter or member the category no longer allows gets nothing. The Persistent
 * Chat administrator is bound by no scope, sees every room and may join any enabled one, but posts in an
 * auditorium only as a presenter, like everyone else.
 *
 * @param category the room's category
 * @param room the room
 * @param user the user asking, as a bare JID
 * @param admin whether the user holds the Persistent Chat administrator role
 */
public record RoomAccess(Category category, Room room, Jid user, boolean admin) {

    public RoomAccess {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(room, "room");
        user = Objects.requireNonNull(user, "user").toBare();
        if (!room.category().equals(category.id())) {
            throw new IllegalArgumentException("room " + room.id() + " is not in category " + category.id());
        }
    }

    /** Allowed by the category and not denied by it. */
    public boolean inScope() {
        return new Scope(category).includes(user);
    }

    public boolean isManager() {
        return holds(room.roles().managers());
    }

    public boolean isPresenter() {
        return holds(room.roles().presenters());
    }

    /** Listed as a member. Managers and presenters may join members-only rooms without being listed. */
    public boolean isMember() {
        return holds(room.roles().members());
    }

    /** Whether the room shows in listings and searches, and answers at all (a Secret room hides otherwise). */
    public boolean canSee() {
        if (admin) {
            return true;
        }
        if (room.settings().disabled()) {
            return false;
        }
        return switch (room.settings().privacy()) {
            case OPEN, CLOSED -> inScope();
            case SECRET -> participant();
        };
    }

    /** A disabled room can be joined by nobody, administrators included, until it is enabled again. */
    public boolean canJoin() {
        if (room.settings().disabled()) {
            return false;
        }
        if (admin) {
            return true;
        }
        return room.settings().privacy() == Privacy.OPEN ? inScope() : participant();
    }

    /** In an auditorium only presenters post; managers and administrators too need the presenter role. */
    public boolean canPost() {
        return canJoin() && (room.settings().type() == RoomType.NORMAL || isPresenter());
    }

    public boolean canReadHistory() {
        return canJoin();
    }

    public boolean canSearch() {
        return canJoin();
    }

    /** Invitations need the category to allow them and the room to inherit that (a room can only turn them off). */
    public boolean canInvite() {
        return canJoin() && category.flags().invitations()
                && room.settings().invitations() == InvitationSetting.INHERIT;
    }

    /** Change settings and roles, and disable or enable the room, even while it is disabled. */
    public boolean canConfigure() {
        return admin || isManager();
    }

    /** Only administrators delete rooms; managers can only disable them. */
    public boolean canDelete() {
        return admin;
    }

    /** Whether operations on the room may go as far as a role check, rather than a not-found. */
    boolean canFind() {
        return canSee() || canConfigure();
    }

    /** The roles that let a user into a Closed or Secret room; presenters are members by rule. */
    private boolean participant() {
        return isMember() || isManager() || isPresenter();
    }

    private boolean holds(Set<Principal> role) {
        return (admin || inScope()) && role.stream().anyMatch(p -> p.includes(user));
    }
}
