package org.perch.domain.chat;

import java.util.Map;
import org.perch.core.LookAlikes;
import org.perch.core.RoomId;
import org.perch.core.VisibleText;
import org.perch.domain.chat.ChatException.Reason;

/**
 * The form a room's name is stored in when it is given or changed, and the names it may not pass for. Names are unique
 * without regard to case; they must be unique to the eye as well, or a creator could make a room that passes for
 * another in every client's list. So, as RFC 8266 prepares nicknames: compatibility and width variants become one
 * (NFKC: fullwidth letters, a combining accent and its precomposed letter), every space is U+0020 with runs made one,
 * and invisible formatting characters (Unicode category Cf: zero-width spaces, soft hyphens, direction overrides) are
 * refused. And a name that looks like another room's, in another script or with a digit for a letter ("Fіnance" with
 * a Cyrillic і, "Vau1t"), is refused as taken ({@link LookAlikes}: Unicode TR39 skeletons).
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

    /**
     * Refuses, as CONFLICT, a name for the room that looks like another room's name. A room may take a look-alike of
     * its own name. The message says only that some room's name looks like it, as a taken name says only that it is
     * taken: it names no room, so a Secret room's exact name is not given away.
     *
     * @param names every room's name by id ({@code RoomStore.names()})
     */
    static void requireUnlikeOthers(RoomId room, String name, Map<RoomId, String> names) {
        LookAlikes.Skeletons wanted = LookAlikes.of(name);
        for (Map.Entry<RoomId, String> other : names.entrySet()) {
            if (!other.getKey().equals(room) && LookAlikes.of(other.getValue()).alike(wanted)) {
                throw new ChatException(Reason.CONFLICT, "the name '" + name + "' looks like a name already in use");
            }
        }
    }
}
