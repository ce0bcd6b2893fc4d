package org.perch.domain.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.domain.account.AccountException.Reason;
import org.perch.store.Account;
import org.perch.store.AccountStore;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/**
 * Creates, changes and removes local accounts. Passwords are never stored: each is turned into one SCRAM verifier
 * per mechanism. Thread-safe as far as the store is; methods block on the store and on key derivation, so call
 * them off any event loop.
 */
public final class AccountService {

    /** Longest password accepted, in characters after normalisation (the same bound as a JID part). */
    public static final int MAX_PASSWORD_LENGTH = 1023;

    private final AccountStore store;
    private final int iterations;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param iterations PBKDF2 iteration count for new verifiers; at least 4096 (RFC 7677)
     */
    public AccountService(AccountStore store, int iterations, SecureRandom random, Clock clock) {
        if (iterations < 4096) {
            throw new IllegalArgumentException("iterations must be at least 4096 (RFC 7677), got " + iterations);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the account; throws {@link AccountException} if the JID or password is unfit or the JID is taken. */
    public Account add(Jid jid, String password) {
        requireAccountJid(jid);
        validatePassword(password);
        if (store.find(jid).isPresent()) {
            throw alreadyExists(jid);
        }
        Account account = new Account(jid, credentials(password), false, clock.instant());
        if (!store.create(account)) {
            throw alreadyExists(jid);
        }
        return account;
    }

    /** Replaces the account's password; its other sessions keep running until they log in again. */
    public void changePassword(Jid jid, String password) {
        requireAccountJid(jid);
        validatePassword(password);
        if (!store.updateCredentials(jid, credentials(password))) {
            throw notFound(jid);
        }
    }

    /** Removes the account and its roster. */
    public void remove(Jid jid) {
        requireAccountJid(jid);
        if (!store.delete(jid)) {
            throw notFound(jid);
        }
    }

    /** Gives the account the Persistent Chat administrator role. */
    public void grantAdmin(Jid jid) {
        setAdmin(jid, true);
    }

    /** Takes the administrator role away; a no-op for an account that does not hold it. */
    public void revokeAdmin(Jid jid) {
        setAdmin(jid, false);
    }

    /** Every account's JID, sorted. */
    public List<Jid> list() {
        return store.list();
    }

    /** The account of a bare JID; empty for an unknown JID or one that cannot name an account. */
    public Optional<Account> find(Jid jid) {
        if (!isAccountJid(jid)) {
            return Optional.empty();
        }
        return store.find(jid);
    }

    /** True only for an existing account holding the administrator role. */
    public boolean isAdmin(Jid jid) {
        return find(jid).map(Account::admin).orElse(false);
    }

    /** Throws {@link AccountException} with reason INVALID_PASSWORD if the password breaks a rule. */
    static void validatePassword(String password) {
        Objects.requireNonNull(password, "password");
        String normalised = ScramCredentials.normalize(password);
        if (normalised.isEmpty()) {
            throw new AccountException(Reason.INVALID_PASSWORD, "password must not be empty");
        }
        if (normalised.codePointCount(0, normalised.length()) > MAX_PASSWORD_LENGTH) {
            throw new AccountException(Reason.INVALID_PASSWORD,
                    "password is longer than " + MAX_PASSWORD_LENGTH + " characters");
        }
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            if (Character.isISOControl(cp)) {
                throw new AccountException(Reason.INVALID_PASSWORD, "password must not contain control characters");
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                // A lone surrogate has no UTF-8 form; PBKDF2 would hash it as '?'.
                throw new AccountException(Reason.INVALID_PASSWORD, "password contains an unpaired surrogate");
            }
            i += Character.charCount(cp);
        }
    }

    private void setAdmin(Jid jid, boolean admin) {
        requireAccountJid(jid);
        if (!store.setAdmin(jid, admin)) {
            throw notFound(jid);
        }
    }

    private Map<ScramMechanism, ScramCredential> credentials(String password) {
        return ScramCredentials.deriveAll(password, iterations, random);
    }

    private static void requireAccountJid(Jid jid) {
        if (!isAccountJid(jid)) {
            throw new AccountException(Reason.INVALID_JID, "JID must be local@domain, got " + jid);
        }
    }

    private static boolean isAccountJid(Jid jid) {
        return jid.hasLocal() && jid.isBare();
    }

    private static AccountException alreadyExists(Jid jid) {
        return new AccountException(Reason.ALREADY_EXISTS, "account " + jid + " already exists");
    }

    private static AccountException notFound(Jid jid) {
        return new AccountException(Reason.NOT_FOUND, "account " + jid + " does not exist");
    }
}
