package org.perch.admin;

import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.Account;
import org.perch.store.AccountStore;
import org.perch.store.ScramMechanism;

/**
 * Checks an account's password over HTTP: against its stored SCRAM-SHA-256 verifier, under the lockout XMPP
 * logins use (per account and per address). The admin API's Basic credential and the room management page's
 * sign-in both go through here, so they refuse alike: one message for a wrong JID and a wrong password.
 */
public final class PasswordCheck {

    private final AccountStore accounts;
    private final LoginThrottle throttle;

    public PasswordCheck(AccountStore accounts, LoginThrottle throttle) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /**
     * The account, if {@code password} is its password.
     *
     * @param jid a bare JID with a local part
     * @param address the client's IP address, for the per-address lockout
     * @throws ApiException 429 {@code locked-out} while the account or address is locked, 401 {@code unauthorized}
     *     for a wrong JID or password (counted towards the lockout)
     */
    public Account verify(Jid jid, String password, String address) {
        if (!throttle.allowed(jid, address)) {
            throw new ApiException(429, "locked-out", "too many failed logins; try again later", null);
        }
        Optional<Account> account = accounts.find(jid);
        boolean matches = account.flatMap(a -> Optional.ofNullable(a.credentials().get(
                        ScramMechanism.SHA_256)))
                .map(c -> ScramCredentials.matches(c, password)).orElse(false);
        if (!matches) {
            throttle.failure(jid, address);
            throw ApiException.unauthorized("wrong JID or password");
        }
        throttle.success(jid, address);
        return account.get();
    }
}
