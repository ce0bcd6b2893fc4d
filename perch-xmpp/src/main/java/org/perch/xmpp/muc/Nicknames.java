package org.perch.xmpp.muc;

import java.text.Normalizer;
import java.util.Locale;
import org.perch.core.VisibleText;

/**
 * When two room nicknames are the same one: RFC 8266 §2.4 (the PRECIS Nickname profile, made for chat rooms)
 * compares them after width mapping, mapping every space to U+0020 with leading and trailing ones
 * removed and runs made one, lower-casing and NFKC. Without this, "Chloé", "chloé", "Chloé " and "Chloé" with a
 * zero-width space inside all look alike in a client and could be held by different people at once.
 *
 * <p>Invisible formatting characters (Unicode category Cf: zero-width spaces, soft hyphens, direction marks), which
 * the profile disallows, are dropped for the comparison, so a nickname padded with them collides with the plain
 * one. The nickname an occupant is shown under stays as its client sent it; only the comparison uses this key.
 */
final class Nicknames {

    private Nicknames() {
    }

    /** The form under which nicknames are compared: equal keys are one nickname. Empty if nothing visible is left. */
    static String key(String nick) {
        return Normalizer.normalize(VisibleText.of(nick).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
