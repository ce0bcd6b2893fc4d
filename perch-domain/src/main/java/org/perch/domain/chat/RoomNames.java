package org.perch.domain.chat;

import org.perch.core.VisibleText;
import org.perch.domain.chat.ChatException.Reason;

/**
 * The form a room's name is stored in when it is given or changed. Names are unique without regard to case; they must
 * be unique to the eye as well, or a creator could make a room that passes for another in every client's list.
 * So, as RFC 8266 prepares nicknames: compatibility and width variants become one (NFKC: fullwidth letters, a
 * combining accent and its precomposed letter), every space is U+0020 with runs made one, and invisible formatting
 * characters (Unicode category Cf: zero-width spaces, soft hyphens, direction overrides) are refused.
 */
final class RoomNames {

    private RoomNames() {
    }

    /** The name as stored; INVALID if it holds an invisible formatting character. */
    static String displayForm(String name) {
        VisibleText.firstFormatCharacter(name).ifPresent(c -> {
            throw new ChatException(Reason.INVALID, String.format("room name must not contain invisible"
                    + " formatting characters (U+%04X)", c));
        });
        return VisibleText.of(name);
    }
}
