package org.perch.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.Jid;

/** Durable user accounts. Every method is safe to call from several threads at once. */
public interface AccountStore {

    /** Adds the account; returns false, changing nothing, if an account with that JID exists. */
    boolean create(Account account);

    Optional<Account> find(Jid jid);

    /** Replaces the account's credentials; returns false if there is no such account. */
    boolean updateCredentials(Jid jid, Map<ScramMechanism, ScramCredential> credentials);

    /** Grants or revokes the administrator role; returns false if there is no such account. */
    boolean setAdmin(Jid jid, boolean admin);

    /** Removes the account and everything it owns (its roster); returns false if there was none. */
    boolean delete(Jid jid);

    /** Every account's JID, sorted by their string form. */
    List<Jid> list();
}
