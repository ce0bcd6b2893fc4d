package org.perch.xmpp.muc;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.perch.core.Jid;
import org.perch.core.LookAlikes;

/**
 * A room's occupants by nickname, in join order. A nickname that is one with a held nickname under {@link Nicknames#key}
 * or passes for one under {@link Nicknames#lookAlike} names that entry, so a look-alike of a held nickname finds its
 * holder, and a join or change of nickname under it is a conflict (XEP-0045 §7.2.9, {@link #heldByAnother}). Touched
 * only by room tasks.
 *
 * <p>Each entry keeps its nickname's skeletons, so that finding a look-alike compares strings instead of computing
 * skeletons again for every occupant. A nickname as held (every stanza to an occupant) is found by its key alone; only
 * one that is not held (a join, a change of nickname) costs a pass over the room.
 */
final class OccupantsByNick {
    private final Map<String, Occupant> byKey = new LinkedHashMap<>();
    private final Map<String, LookAlikes.Skeletons> skeletons = new HashMap<>();

    /** The occupant holding the nickname, or one that compares equal to it or looks like it; null if none. */
    Occupant get(String nick) {
        return byKey.get(keyOf(nick));
    }

    /**
     * Whether an occupant other than this one (by full JID) holds the nickname, one that is one with it, or one it
     * passes for: a join or a change of nickname under it is a conflict. Unlike {@link #get}, this looks past the
     * occupant's own entry, since passing for another is not transitive: "ian" does not pass for "lan", but its
     * re-spelling "Ian" does, and must not be let through as a new spelling of one's own nickname.
     */
    boolean heldByAnother(String nick, Jid self) {
        Occupant same = byKey.get(Nicknames.key(nick));
        if (same != null && !same.jid().equals(self)) {
            return true;
        }
        LookAlikes.Skeletons wanted = Nicknames.lookAlike(nick);
        return byKey.entrySet().stream().anyMatch(held -> !held.getValue().jid().equals(self)
                && skeletons.get(held.getKey()).alike(wanted));
    }

    void put(String nick, Occupant occupant) {
        String key = keyOf(nick);
        byKey.put(key, occupant);
        skeletons.put(key, Nicknames.lookAlike(nick));
    }

    void remove(String nick) {
        String key = keyOf(nick);
        byKey.remove(key);
        skeletons.remove(key);
    }

    boolean remove(String nick, Occupant occupant) {
        String key = keyOf(nick);
        if (!byKey.remove(key, occupant)) {
            return false;
        }
        skeletons.remove(key);
        return true;
    }

    Collection<Occupant> values() {
        return byKey.values();
    }

    int size() {
        return byKey.size();
    }

    void clear() {
        byKey.clear();
        skeletons.clear();
    }

    /** The key of the entry the nickname names: its own, or that of the held nickname it passes for. */
    private String keyOf(String nick) {
        String key = Nicknames.key(nick);
        if (byKey.containsKey(key)) {
            return key;
        }
        LookAlikes.Skeletons wanted = Nicknames.lookAlike(nick);
        for (String held : byKey.keySet()) { // in join order, so that the earliest holder is the one found
            if (skeletons.get(held).alike(wanted)) {
                return held;
            }
        }
        return key;
    }
}
