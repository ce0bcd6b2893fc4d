package org.perch.web;

import java.time.Clock;
import java.util.Objects;
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
 */
public record WebServices(ChatRooms chat, PasswordCheck passwords, SignInGate signInGate, String mucDomain,
                          Clock clock) {
    public WebServices {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(signInGate, "signInGate");
        Objects.requireNonNull(mucDomain, "mucDomain");
        Objects.requireNonNull(clock, "clock");
    }
}
