package org.perch.store.chat;

import java.util.Objects;
import org.perch.core.Jid;

/** A per-user policy granted to one account (Grant-CsPersistentChatPolicy). */
public record PolicyAssignment(Jid user, PolicyIdentity.Tag policy) {
    public PolicyAssignment {
        user = Objects.requireNonNull(user, "user").toBare();
        Objects.requireNonNull(policy, "policy");
    }
}
