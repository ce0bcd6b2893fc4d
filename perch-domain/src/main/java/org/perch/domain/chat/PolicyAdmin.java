package org.perch.domain.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.store.Store;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyAssignment;
import org.perch.store.chat.PolicyIdentity;

/**
 * The policy half of {@link ChatRooms} (spec §7); changes are called with its change lock held, are for
 * administrators only, and are told as {@link RoomEvent.PoliciesChanged}. A user's policy is the per-user one granted to them, else their site's, else the global
 * one, which always exists and starts, as in Lync, with Persistent Chat off.
 */
final class PolicyAdmin {

    private final ChatRooms rooms;
    private final Store store;
    private final Optional<PolicyIdentity.Site> site;

    PolicyAdmin(ChatRooms rooms, Store store, Optional<String> site) {
        this.rooms = rooms;
        this.store = store;
        this.site = site.map(PolicyIdentity.Site::new);
    }

    ChatPolicy create(Jid requester, ChatPolicy policy) {
        requireAdmin(requester);
        if (policy.identity() instanceof PolicyIdentity.Global) {
            throw new ChatException(Reason.CONFLICT, "the global policy always exists; change it instead");
        }
        if (!store.policies().create(policy)) {
            throw new ChatException(Reason.CONFLICT, "a policy '" + policy.identity() + "' exists already");
        }
        return policy;
    }

    ChatPolicy update(Jid requester, PolicyIdentity identity, UnaryOperator<ChatPolicy> change) {
        requireAdmin(requester);
        ChatPolicy before = find(identity);
        ChatPolicy after = ChatRooms.valid(() -> change.apply(before));
        if (!after.identity().key().equals(before.identity().key())) {
            throw new ChatException(Reason.INVALID, "a policy's identity never changes; create another policy");
        }
        store.policies().update(after);
        rooms.emit(new RoomEvent.PoliciesChanged());
        return after;
    }

    /**
     * Removes the policy, or, for the global one, restores its defaults (Remove-CsPersistentChatPolicy). A per-user
     * policy that is granted goes only when forced, and takes its grants with it.
     */
    void remove(Jid requester, PolicyIdentity identity, boolean force) {
        requireAdmin(requester);
        ChatPolicy policy = find(identity);
        if (identity instanceof PolicyIdentity.Global) {
            store.policies().update(ChatPolicy.GLOBAL_DEFAULT);
            rooms.emit(new RoomEvent.PoliciesChanged());
            return;
        }
        List<PolicyAssignment> holders = holders(policy.identity());
        if (!holders.isEmpty() && !force) {
            throw new ChatException(Reason.CONFLICT, "policy '" + policy.identity() + "' is granted to "
                    + holders.size() + " user(s), such as " + holders.getFirst().user()
                    + "; grant them another policy, or force the removal");
        }
        store.policies().delete(identity);
        rooms.emit(new RoomEvent.PoliciesChanged());
    }

    /** Grants the per-user policy to the account, or, with none, takes its grant away (Grant-CsPersistentChatPolicy). */
    void grant(Jid requester, Jid user, Optional<PolicyIdentity.Tag> policy) {
        requireAdmin(requester);
        Jid account = user.toBare();
        if (store.accounts().find(account).isEmpty()) {
            throw new ChatException(Reason.NOT_FOUND, "no account " + account);
        }
        if (policy.isEmpty()) {
            store.policies().revoke(account);
        } else if (!store.policies().grant(account, (PolicyIdentity.Tag) find(policy.get()).identity())) {
            throw new ChatException(Reason.CONFLICT, "the account or the policy was removed meanwhile; try again");
        }
        rooms.emit(new RoomEvent.PoliciesChanged());
    }

    /** The policy that decides for the user, and how it was reached. */
    EffectivePolicy effective(Jid user) {
        Jid account = user.toBare();
        Optional<PolicyIdentity.Tag> granted = store.policies().grantOf(account);
        Optional<ChatPolicy> chosen = granted.flatMap(t -> store.policies().find(t))
                .or(() -> site.flatMap(s -> store.policies().find(s)));
        ChatPolicy policy = chosen.or(() -> store.policies().find(PolicyIdentity.GLOBAL))
                .orElse(ChatPolicy.GLOBAL_DEFAULT);
        return new EffectivePolicy(account, granted, policy);
    }

    ChatPolicy find(PolicyIdentity identity) {
        return store.policies().find(identity).orElseThrow(() -> new ChatException(Reason.NOT_FOUND,
                "no policy '" + identity + "'"));
    }

    private List<PolicyAssignment> holders(PolicyIdentity identity) {
        return store.policies().grants().stream().filter(g -> g.policy().key().equals(identity.key())).toList();
    }

    private void requireAdmin(Jid requester) {
        rooms.requireAdmin(requester, "manage Persistent Chat policies");
    }
}
