package org.perch.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.store.Account;
import org.perch.store.AccountStore;

/**
 * Decides who a request is from. Two credentials are accepted:
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} with the {@link LocalCredential}: the operator;</li>
 *   <li>{@code Authorization: Basic} with an account's JID and password, for an account holding the Persistent Chat
 *       administrator role ({@code perch user grant-admin}). Failures count towards the same lockout as XMPP
 *       logins, per account and per address.</li>
 * </ul>
 * A wrong or missing credential is 401; a right password for an account without the role is 403.
 */
final class AdminAuthenticator {

    private final byte[] localToken;
    private final Jid operator;
    private final PasswordCheck passwords;

    AdminAuthenticator(String localToken, Jid operator, AccountStore accounts, LoginThrottle throttle) {
        this.localToken = localToken.getBytes(StandardCharsets.US_ASCII);
        this.operator = Objects.requireNonNull(operator, "operator");
        this.passwords = new PasswordCheck(accounts, throttle);
    }

    Caller authenticate(Optional<String> authorization, String address) {
        String header = authorization.orElseThrow(() -> ApiException.unauthorized(
                "send the local credential (Bearer) or an administrator's JID and password (Basic)"));
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            if (!MessageDigest.isEqual(localToken, value.getBytes(StandardCharsets.US_ASCII))) {
                throw ApiException.unauthorized("the token is not this server's local credential"
                        + " (it changes at every start)");
            }
            return new Caller(operator, Caller.How.LOCAL_CREDENTIAL);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return password(value, address);
        }
        throw ApiException.unauthorized("unsupported authorization scheme '" + scheme + "' (Bearer or Basic)");
    }

    private Caller password(String encoded, String address) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Basic credential is not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ApiException.unauthorized("the Basic credential must be jid:password");
        }
        Jid jid;
        try {
            jid = Jid.of(decoded.substring(0, colon)).toBare();
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Basic credential does not start with a JID");
        }
        if (!jid.hasLocal()) {
            throw ApiException.unauthorized("the Basic credential must name an account (user@domain)");
        }
        Account account = passwords.verify(jid, decoded.substring(colon + 1), address);
        if (!account.admin()) {
            throw ApiException.forbidden(jid + " is not a Persistent Chat administrator"
                    + " (perch user grant-admin gives the role)");
        }
        return new Caller(jid, Caller.How.PASSWORD);
    }
}
