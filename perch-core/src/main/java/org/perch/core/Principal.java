package org.perch.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Who an access list names (Lync's principals): one user, or every user of a domain (Lync's
 * {@code DC=contoso,DC=com}). Groups join when a directory does. Stored and shown as {@link #uri()}.
 */
public sealed interface Principal permits Principal.User, Principal.Domain {

    /** Whether the (bare) user is this principal or inside it. */
    boolean includes(Jid user);

    /** {@code user:alice@example.org} or {@code domain:example.org}; {@link #of(String)} reads it back. */
    String uri();

    /** A single user, by bare JID. */
    record User(Jid jid) implements Principal {
        public User {
            Objects.requireNonNull(jid, "jid");
            if (!jid.hasLocal() || !jid.isBare()) {
                throw new IllegalArgumentException("a user principal is local@domain, got " + jid);
            }
        }

        @Override
        public boolean includes(Jid user) {
            return jid.equals(user.toBare());
        }

        @Override
        public String uri() {
            return "user:" + jid;
        }
    }

    /** Every user whose JID is in the domain. */
    record Domain(String domain) implements Principal {
        public Domain {
            domain = Jid.bare("", Objects.requireNonNull(domain, "domain")).domain();
        }

        @Override
        public boolean includes(Jid user) {
            return user.hasLocal() && user.domain().equals(domain);
        }

        @Override
        public String uri() {
            return "domain:" + domain;
        }
    }

    static Principal user(Jid jid) {
        return new User(jid.toBare());
    }

    /**
     * Reads a principal: {@code user:local@domain}, {@code domain:example.org}, or a bare {@code local@domain}
     * (a user). Throws {@link IllegalArgumentException} or {@link InvalidJidException} naming what is wrong.
     */
    static Principal of(String text) {
        Objects.requireNonNull(text, "principal");
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("user:")) {
            return new User(Jid.of(t.substring(5)));
        }
        if (lower.startsWith("domain:")) {
            return new Domain(t.substring(7));
        }
        if (t.contains("@")) {
            return new User(Jid.of(t));
        }
        throw new IllegalArgumentException("not a principal: '" + text
                + "' (expected user:local@domain, domain:example.org, or local@domain)");
    }
}
