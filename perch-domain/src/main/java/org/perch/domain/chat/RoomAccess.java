package org.perch.domain.chat;

import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
 * <p>Whether the user is an administrator is asked at most once, and only when an answer depends on it: it is an
 * account read, and a member in scope posting to a room (what a chat server does most) never needs it.
 */
public final class RoomAccess {
    private final Category category;
    private final Room room;
    private final Jid user;
    private final BooleanSupplier adminLookup;
    /** The lookup's answer once asked; null before. */
    private Boolean admin;

    /**
     * @param category the room's category
     * @param room the room
     * @param user the user asking (made bare)
     * @param admin whether the user holds the Persistent Chat administrator role
     */
    public RoomAccess(Category category, Room room, Jid user, boolean admin) {
        this(category, room, user, () -> admin);
    }

    /** As above, with the administrator role looked up only if an answer needs it. */
    public RoomAccess(Category category, Room room, Jid user, BooleanSupplier adminLookup) {
        this.category = Objects.requireNonNull(category, "category");
        this.room = Objects.requireNonNull(room, "room");
        this.user = Objects.requireNonNull(user, "user").toBare();
        this.adminLookup = Objects.requireNonNull(adminLookup, "adminLookup");
        if (!room.category().equals(category.id())) {
            throw new IllegalArgumentException("room " + room.id() + " is not in category " + category.id());
        }
    }

    public Category category() {
        return category;
    }

    public Room room() {
        return room;
    }

    public Jid user() {
        return user;
    }

    /** Whether the user holds the Persistent Chat administrator role. */
    public boolean admin() {
        Boolean known = admin;
        if (known == null) {
            known = adminLookup.getAsBoolean();
            admin = known;
        }
        return known;
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
        if (room.settings().disabled()) {
            return admin();
        }
        boolean seen = switch (room.settings().privacy()) {
            case OPEN, CLOSED -> inScope();
            case SECRET -> participant();
        };
        return seen || admin();
    }

    /** A disabled room can be joined by nobody, administrators included, until it is enabled again. */
    public boolean canJoin() {
        if (room.settings().disabled()) {
            return false;
        }
        boolean allowed = room.settings().privacy() == Privacy.OPEN ? inScope() : participant();
        return allowed || admin();
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
        return isManager() || admin();
    }

    /** Only administrators delete rooms; managers can only disable them. */
    public boolean canDelete() {
        return admin();
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
        return role.stream().anyMatch(p -> p.includes(user)) && (inScope() || admin());
    }
}
