package org.perch.store.chat;

import java.util.Comparator;
import java.util.Locale;

/**
 * Which Persistent Chat policy (spec §7): the global one, a site's, or a per-user one that is granted to accounts
 * by name (Lync calls its identity a tag). Written {@code global}, {@code site:<name>} and {@code tag:<name>}; names
 * compare without regard to case.
 */
public sealed interface PolicyIdentity {

    int MAX_NAME = 256;

    /** The policy every user falls back to. It always exists; removing it restores its defaults. */
    record Global() implements PolicyIdentity {
        @Override
        public String toString() {
            return "global";
        }
    }

    /** The policy of the users of one site: the front ends configured with that {@code site} name. */
    record Site(String name) implements PolicyIdentity {
        public Site {
            name = Names.requireName(name, MAX_NAME, "site name");
        }

        @Override
        public String toString() {
            return "site:" + name;
        }
    }

    /** A per-user policy: applies to the accounts it is granted to. */
    record Tag(String name) implements PolicyIdentity {
        public Tag {
            name = Names.requireName(name, MAX_NAME, "policy name");
        }

        @Override
        public String toString() {
            return "tag:" + name;
        }
    }

    PolicyIdentity GLOBAL = new Global();

    /**
     * Reads {@code global}, {@code site:<name>}, {@code tag:<name>} or a bare name (a per-user policy, as
     * {@code New-CsPersistentChatPolicy -Identity Name} makes one); prefixes in any case.
     *
     * @throws IllegalArgumentException for an empty name or one with control characters or too long
     */
    static PolicyIdentity parse(String text) {
        String t = Names.requireName(text, MAX_NAME + 5, "policy identity");
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("global")) {
            return GLOBAL;
        }
        if (lower.startsWith("site:")) {
            return new Site(t.substring(5));
        }
        if (lower.startsWith("tag:")) {
            return new Tag(t.substring(4));
        }
        return new Tag(t);
    }

    /** The order policies are listed in: global, then sites, then per-user policies, each by name. */
    Comparator<PolicyIdentity> ORDER = Comparator.comparingInt(PolicyIdentity::rank).thenComparing(PolicyIdentity::key);

    private int rank() {
        return switch (this) {
            case Global g -> 0;
            case Site s -> 1;
            case Tag t -> 2;
        };
    }

    /** The identity folded for comparison: how stores key it. */
    default String key() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
