package org.perch.web;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.perch.admin.PasswordCheck;
import org.perch.domain.chat.ChatRooms;

/**
 * What the room management page works with.
 *
 * @param chat the rooms and categories, under the Lync rules; every change is made with the signed-in user as
 *     requester
 * @param passwords the sign-in check, shared with the admin API (same accounts, same lockout)
 * @param signInGate who may use the page at all, beyond a right password
 * @param mucDomain the group-chat service's domain, to show each room's XMPP address
 * @param clock for the sessions' idle timeout
 * @param topicFeeds the topic feeds, or empty when the server does not offer them ({@code chat.topic-feeds} off):
 *     the page then has no feeds section and their API answers 404
 */
public record WebServices(ChatRooms chat, PasswordCheck passwords, SignInGate signInGate, String mucDomain,
                          Clock clock, Optional<WebFeeds> topicFeeds) {
    public WebServices {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(signInGate, "signInGate");
        Objects.requireNonNull(mucDomain, "mucDomain");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(topicFeeds, "topicFeeds");
    }

    /** The page without topic feeds. */
    public WebServices(ChatRooms chat, PasswordCheck passwords, SignInGate signInGate, String mucDomain,
                       Clock clock) {
        this(chat, passwords, signInGate, mucDomain, clock, Optional.empty());
    }
}
