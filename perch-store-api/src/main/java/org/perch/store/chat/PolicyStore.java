package org.perch.store.chat;

import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;

/**
 * Durable Persistent Chat policies and their grants to accounts. Identities compare without regard to case. The
 * global policy always exists, as {@link ChatPolicy#GLOBAL_DEFAULT} until it is updated. Safe to call from several
 * threads at once.
 */
public interface PolicyStore {

    /** Adds the policy; false, changing nothing, if one with that identity exists (the global one always does). */
    boolean create(ChatPolicy policy);

    Optional<ChatPolicy> find(PolicyIdentity identity);

    /** Every policy: the global one first, then sites, then per-user policies, each by name. */
    List<ChatPolicy> list();

    /** Replaces the policy with the same identity (its name's case included); false if there is none. */
    boolean update(ChatPolicy policy);

    /** Removes the policy and its grants, so their users fall back; false if there is none or it is global. */
    boolean delete(PolicyIdentity identity);

    /** Grants the per-user policy to the account in place of any other; false if either is missing. */
    boolean grant(Jid user, PolicyIdentity.Tag policy);

    /** Takes the account's per-user policy away; false if it had none. */
    boolean revoke(Jid user);

    /** The per-user policy granted to the account, as stored (its name's case). */
    Optional<PolicyIdentity.Tag> grantOf(Jid user);

    /** Every grant, by the account's JID. */
    List<PolicyAssignment> grants();
}
