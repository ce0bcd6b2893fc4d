package org.perch.domain.chat;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.perch.core.Principal;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.chat.Category;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomType;

/** The Lync rules a room's roles must keep after any change (spec §3.3 and §5). */
final class RoomRules {

    private RoomRules() {
    }

    /**
     * The room as it may be stored, or an INVALID refusal. A move to another category purges the roles the new
     * category does not allow (Lync moves rooms that way); a plain edit that names such a principal is refused.
     */
    static Room check(Room before, Room proposed, Category category, Predicate<Principal> permitted) {
        boolean moved = !before.category().equals(proposed.category());
        RoomRoles roles = proposed.roles();
        if (proposed.settings().type() == RoomType.NORMAL && !roles.presenters().isEmpty()) {
            if (before.settings().type() != RoomType.AUDITORIUM) {
                throw invalid("only Auditorium rooms have presenters; '" + proposed.name() + "' is Normal");
            }
            roles = roles.withPresenters(Set.of()); // an auditorium turned Normal loses its presenters
        }
        if (moved) {
            roles = purge(roles, permitted);
        } else {
            requireAllowed(roles, category, permitted);
        }
        if (proposed.settings().privacy() == Privacy.OPEN) {
            // Open rooms have no membership; a member list from before the room opened stays, dormant.
            Set<Principal> added = minus(roles.members(), before.roles().members());
            if (!added.isEmpty()) {
                throw invalid("Open rooms have no members; cannot add " + uris(added.stream()));
            }
        } else {
            Set<Principal> members = new HashSet<>(roles.members());
            members.addAll(roles.presenters()); // presenters must also be members
            roles = roles.withMembers(members);
        }
        return proposed.withRoles(roles);
    }

    /** The roles without the principals the category no longer allows. */
    static RoomRoles purge(RoomRoles roles, Predicate<Principal> permitted) {
        return new RoomRoles(keep(roles.members(), permitted), keep(roles.managers(), permitted),
                keep(roles.presenters(), permitted));
    }

    private static void requireAllowed(RoomRoles roles, Category category, Predicate<Principal> permitted) {
        String outside = uris(Stream.of(roles.members(), roles.managers(), roles.presenters())
                .flatMap(Set::stream).filter(permitted.negate()));
        if (!outside.isEmpty()) {
            throw invalid("category '" + category.name() + "' does not allow " + outside);
        }
    }

    private static Set<Principal> keep(Set<Principal> principals, Predicate<Principal> permitted) {
        return principals.stream().filter(permitted).collect(Collectors.toSet());
    }

    private static Set<Principal> minus(Set<Principal> a, Set<Principal> b) {
        Set<Principal> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** Sorted and de-duplicated, so the message is the same every time. */
    private static String uris(Stream<Principal> principals) {
        return String.join(", ", principals.map(Principal::uri).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static ChatException invalid(String message) {
        return new ChatException(Reason.INVALID, message);
    }
}
