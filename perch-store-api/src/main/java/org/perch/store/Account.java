package org.perch.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.perch.core.Jid;

/**
 * A local user account: its bare JID, one SCRAM verifier per mechanism, and whether it holds the Persistent Chat
 * administrator role.
 */
public record Account(Jid jid, Map<ScramMechanism, ScramCredential> credentials, boolean admin, Instant created) {

    public Account {
        Objects.requireNonNull(jid, "jid");
        if (!jid.hasLocal() || !jid.isBare()) {
            throw new IllegalArgumentException("an account JID is local@domain, got " + jid);
        }
        credentials = Map.copyOf(credentials);
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one credential");
        }
        credentials.forEach((m, c) -> {
            if (c.mechanism() != m) {
                throw new IllegalArgumentException("credential for " + c.mechanism() + " filed under " + m);
            }
        });
        Objects.requireNonNull(created, "created");
    }

    public Account withCredentials(Map<ScramMechanism, ScramCredential> newCredentials) {
        return new Account(jid, newCredentials, admin, created);
    }

    public Account withAdmin(boolean newAdmin) {
        return new Account(jid, credentials, newAdmin, created);
    }
}
