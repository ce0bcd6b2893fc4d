package org.perch.xmpp.muc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A room's occupants by nickname, in join order. Nicknames that compare equal under {@link Nicknames#key} are one
 * entry, so a look-alike of a held nickname finds its holder (XEP-0045 §7.2.9 conflict). Touched only by room tasks.
 */
final class OccupantsByNick {
    private final Map<String, Occupant> byKey = new LinkedHashMap<>();

    /** The occupant holding the nickname or one that compares equal to it; null if none. */
    Occupant get(String nick) {
        return byKey.get(Nicknames.key(nick));
    }

    void put(String nick, Occupant occupant) {
        byKey.put(Nicknames.key(nick), occupant);
    }

    void remove(String nick) {
        byKey.remove(Nicknames.key(nick));
    }

    boolean remove(String nick, Occupant occupant) {
        return byKey.remove(Nicknames.key(nick), occupant);
    }

    Collection<Occupant> values() {
        return byKey.values();
    }

    int size() {
        return byKey.size();
    }

    void clear() {
        byKey.clear();
    }
}
