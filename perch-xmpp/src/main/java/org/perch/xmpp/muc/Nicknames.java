package org.perch.xmpp.muc;

import java.text.Normalizer;
import java.util.Locale;
import org.perch.core.LookAlikes;
import org.perch.core.VisibleText;

/**
 * When two room nicknames are one, or pass for one another. RFC 8266 §2.4 (the PRECIS Nickname profile, made for chat
 * rooms) compares them after width mapping, mapping every space to U+0020 with leading and trailing ones removed and
 * runs made one, lower-casing and NFKC: that is {@link #key}, under which "Chloé", "chloé", "Chloé " and "Chloé" with
 * a zero-width space inside are one nickname. Invisible formatting characters (Unicode category Cf: zero-width spaces,
 * soft hyphens, direction marks), which the profile disallows, are dropped for the comparison.
 *
 * <p>RFC 8266 does not make look-alikes from other scripts equal: "Сhloé" with a Cyrillic С, or "Ch1oé" with a
 * digit one, are other nicknames, which a client shows just as it shows "Chloé". {@link #lookAlike} finds
 * those through Unicode TR39 skeletons ({@link LookAlikes}), so that nobody can pass for an occupant who is there.
 * The nickname an occupant is shown under stays as its client sent it; only the comparison uses these forms.
 */
final class Nicknames {

    private Nicknames() {
    }

    /** The form under which nicknames are the same one: equal keys are one nickname. Empty if nothing visible is left. */
    static String key(String nick) {
        return Normalizer.normalize(VisibleText.of(nick).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /** The forms under which nicknames pass for one another: see {@link LookAlikes.Skeletons#alike}. */
    static LookAlikes.Skeletons lookAlike(String nick) {
        return LookAlikes.of(nick);
    }
}
