package org.perch.admin;

import java.util.Objects;
import org.perch.core.Jid;

/**
 * Who a request comes from: an administrator account that gave its password, or the server's operator, who
 * presented the local credential from the data directory and acts as the server's domain.
 */
public record Caller(Jid jid, How how) {

    public enum How { LOCAL_CREDENTIAL, PASSWORD }

    public Caller {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        return how == How.LOCAL_CREDENTIAL ? "operator(" + jid + ")" : jid.toString();
    }
}
