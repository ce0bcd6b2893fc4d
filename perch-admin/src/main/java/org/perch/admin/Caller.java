package org.perch.admin;

import java.util.Objects;
import org.perch.core.Jid;

/**
 * Who a request comes from: an administrator account that gave its password, or the server's operator, who
 * presented the local credential from the data directory and acts as the server's domain; on the room management
 * page (perch-web), the signed-in user.
 */
public record Caller(Jid jid, How how) {

    /** SESSION: a user signed in to the room management page (perch-web), administrator or not. */
    public enum How { LOCAL_CREDENTIAL, PASSWORD, SESSION }

    public Caller {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        return how == How.LOCAL_CREDENTIAL ? "operator(" + jid + ")" : jid.toString();
    }
}
