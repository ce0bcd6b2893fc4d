package org.perch.domain.chat;

import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyIdentity;

/**
 * The policy in force for one user: the per-user one granted to them, else their site's, else the global one.
 *
 * @param user the account, as a bare JID
 * @param granted the per-user policy granted to them, if any
 * @param policy the policy that decides
 */
public record EffectivePolicy(Jid user, Optional<PolicyIdentity.Tag> granted, ChatPolicy policy) {
    public EffectivePolicy {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(policy, "policy");
    }

    public boolean enablesPersistentChat() {
        return policy.enablePersistentChat();
    }
}
