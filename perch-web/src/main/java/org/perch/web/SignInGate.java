package org.perch.web;

import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatRooms;

/**
 * The one place that decides whether a user whose password is right may use the page at all: asked at sign-in and
 * again on every request, so a user shut out later loses their session at once. Persistent Chat policy (a user
 * whose policy disables Persistent Chat) plugs in here.
 */
@FunctionalInterface
public interface SignInGate {

    /** Lets every account in. */
    SignInGate EVERYONE = user -> Optional.empty();

    /** Lets in those whose Persistent Chat policy enables it, as rooms do: what the server uses. */
    static SignInGate byPolicy(ChatRooms chat) {
        return user -> chat.persistentChatEnabled(user) ? Optional.empty() : Optional.of(ChatRooms.POLICY_DISABLED);
    }

    /** Why the user may not use the page, in words for them; empty if they may. */
    Optional<String> refusal(Jid user);
}
