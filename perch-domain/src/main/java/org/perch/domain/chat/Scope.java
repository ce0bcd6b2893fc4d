package org.perch.domain.chat;

import java.util.Objects;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;

/**
 * A category's scope: its allowed members minus its denied members. Denied always wins, which is what makes a
 * category an ethical wall.
 */
record Scope(Category category) {

    Scope {
        Objects.requireNonNull(category, "category");
    }

    /** Whether the (bare) user is allowed by the category and not denied by it. */
    boolean includes(Jid user) {
        Jid bare = user.toBare();
        return category.allowedMembers().stream().anyMatch(p -> p.includes(bare))
                && category.deniedMembers().stream().noneMatch(p -> p.includes(bare));
    }

    /** Creators count only while in scope: the role gives nothing beyond creating rooms where one may be. */
    boolean hasCreator(Jid user) {
        return includes(user) && category.creators().stream().anyMatch(p -> p.includes(user.toBare()));
    }

    /**
     * Whether the principal may hold a role in the category's rooms. A whole domain qualifies only if the
     * category allows that domain as such; its denied users are still shut out one by one by {@link #includes}.
     */
    boolean allows(Principal principal) {
        return switch (principal) {
            case Principal.User u -> includes(u.jid());
            case Principal.Domain d -> category.allowedMembers().contains(d)
                    && !category.deniedMembers().contains(d);
        };
    }
}
