package org.perch.core;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * An XMPP address (RFC 7622): {@code local@domain/resource}, each part optional but the domain.
 *
 * <p>Parts are normalised on construction (NFKC, and case-folded for the local part and the domain), so two
 * {@code Jid}s that address the same entity are {@code equals}. An absent part is the empty string, never null.
 */
public record Jid(String local, String domain, String resource) {

    /** RFC 7622 §3.1: each part is at most 1023 octets once encoded. */
    public static final int MAX_PART_OCTETS = 1023;

    private static final String LOCAL_FORBIDDEN = "\"&'/:<>@ ";

    public Jid {
        // Lengths are checked on the normalised parts: NFKC can lengthen a part (U+33AF is six characters), and a
        // JID must read back from its own string form.
        local = requirePart(fold(requireNonNull(local, "local part")), "local part");
        domain = fold(requireNonNull(domain, "domain"));
        resource = requirePart(Normalizer.normalize(requireNonNull(resource, "resource"), Normalizer.Form.NFKC),
                "resource");
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1); // RFC 7622 §3.2: one final label separator goes
        }
        if (domain.isEmpty() || domain.endsWith(".")) {
            // Checked after the final dot went: "." and "example.org.." name no domain.
            throw new InvalidJidException("a JID needs a domain");
        }
        domain = requirePart(domain, "domain");
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (LOCAL_FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)) {
                throw new InvalidJidException("character '" + c + "' is not allowed in a local part");
            }
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c == '@' || c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidJidException("character '" + c + "' is not allowed in a domain");
            }
        }
        for (int i = 0; i < resource.length(); i++) {
            if (Character.isISOControl(resource.charAt(i))) {
                throw new InvalidJidException("control characters are not allowed in a resource");
            }
        }
    }

    /** Parses {@code local@domain/resource}; throws {@link InvalidJidException} naming what is wrong. */
    public static Jid of(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidJidException("empty JID");
        }
        int slash = text.indexOf('/');
        String beforeResource = slash < 0 ? text : text.substring(0, slash);
        String resource = slash < 0 ? "" : text.substring(slash + 1);
        if (slash >= 0 && resource.isEmpty()) {
            throw new InvalidJidException("empty resource in '" + text + "'");
        }
        int at = beforeResource.indexOf('@');
        String local = at < 0 ? "" : beforeResource.substring(0, at);
        if (at >= 0 && local.isEmpty()) {
            throw new InvalidJidException("empty local part in '" + text + "'");
        }
        return new Jid(local, beforeResource.substring(at + 1), resource);
    }

    /** Like {@link #of(String)} but returns empty instead of throwing. */
    public static Optional<Jid> parse(String text) {
        try {
            return Optional.of(of(text));
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }

    public static Jid bare(String local, String domain) {
        return new Jid(local, domain, "");
    }

    public static Jid domainOnly(String domain) {
        return new Jid("", domain, "");
    }

    public boolean hasLocal() {
        return !local.isEmpty();
    }

    public boolean hasResource() {
        return !resource.isEmpty();
    }

    public boolean isBare() {
        return resource.isEmpty();
    }

    public Jid toBare() {
        return resource.isEmpty() ? this : new Jid(local, domain, "");
    }

    public Jid withResource(String newResource) {
        return new Jid(local, domain, newResource);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(local.length() + domain.length() + resource.length() + 2);
        if (!local.isEmpty()) {
            sb.append(local).append('@');
        }
        sb.append(domain);
        if (!resource.isEmpty()) {
            sb.append('/').append(resource);
        }
        return sb.toString();
    }

    private static String requireNonNull(String part, String what) {
        if (part == null) {
            throw new InvalidJidException(what + " is null");
        }
        return part;
    }

    private static String requirePart(String part, String what) {
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_OCTETS) {
            throw new InvalidJidException(what + " is longer than " + MAX_PART_OCTETS + " octets");
        }
        return part;
    }

    /**
     * NFKC, lower case, then NFKC again: lower-casing can leave text that is not normalised (U+0130 becomes "i" and
     * a combining dot, which may then need reordering), and a JID must read back equal from its own string.
     */
    private static String fold(String part) {
        String lower = Normalizer.normalize(part, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFKC);
    }
}
