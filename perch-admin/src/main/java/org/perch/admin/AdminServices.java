package org.perch.admin;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.perch.compliance.ComplianceControl;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.chat.ChatRooms;
import org.perch.store.AccountStore;

/**
 * What the admin API works with.
 *
 * @param chat the rooms and categories, under the Lync rules
 * @param accounts where administrators' passwords are checked
 * @param throttle the lockout shared with XMPP logins
 * @param operator the server's domain JID, which the local credential acts as ({@link ChatRooms} treats it as an
 *     administrator)
 * @param localToken the {@link LocalCredential} the server wrote at start
 * @param compliance the compliance service's configuration and state
 * @param connections the client connections' figures, by name, in the order to show them
 */
public record AdminServices(ChatRooms chat, AccountStore accounts, LoginThrottle throttle, Jid operator,
                            String localToken, ComplianceControl compliance,
                            Supplier<Map<String, Long>> connections) {
    public AdminServices {
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(operator, "operator");
        if (localToken == null || localToken.length() < 32) {
            throw new IllegalArgumentException("the local credential must be a random token of 32 characters or more");
        }
    }

    /** Services for an API with no client connections to report on (the figures are empty). */
    public AdminServices(ChatRooms chat, AccountStore accounts, LoginThrottle throttle, Jid operator,
                         String localToken, ComplianceControl compliance) {
        this(chat, accounts, throttle, operator, localToken, compliance, Map::of);
    }

    @Override
    public String toString() {
        return "AdminServices[operator=" + operator + ", localToken=(withheld)]";
    }
}
