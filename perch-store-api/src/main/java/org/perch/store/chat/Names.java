package org.perch.store.chat;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The checks shared by names, descriptions and the web addresses the records keep. */
final class Names {
    private Names() {
    }

    static String requireName(String name, int max, String what) {
        Objects.requireNonNull(name, what);
        String n = name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (n.length() > max) {
            throw new IllegalArgumentException(what + " is " + n.length() + " characters; at most " + max);
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return n;
    }

    static String requireDescription(String description, int max) {
        Objects.requireNonNull(description, "description");
        if (description.length() > max) {
            throw new IllegalArgumentException("description is " + description.length()
                    + " characters; at most " + max);
        }
        return description;
    }

    /** The text as an absolute http or https URL with a host; {@code what} names it in the refusal. */
    static URI requireWebUrl(String text, String what) {
        URI url;
        try {
            url = new URI(Objects.requireNonNull(text, what).strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "' (" + e.getReason() + ")");
        }
        return requireWebUrl(url, what);
    }

    static URI requireWebUrl(URI url, String what) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http or https URL with a host, got '"
                    + url + "'");
        }
        return url;
    }
}
