package org.perch.chatdata;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Finds a stanza-id used twice in one room, which the store would refuse halfway through an import, without
 * keeping every id of a large history: the first pass keeps a 64-bit hash per message (8 bytes); only if a hash
 * repeats does a second pass compare the ids behind the repeated hashes exactly.
 */
sealed interface StanzaIdCheck permits StanzaIdCheck.Hashes, StanzaIdCheck.Exact, StanzaIdCheck.Off {

    void note(String room, String stanzaId, LineFields fields);

    static Hashes hashes() {
        return new Hashes(StanzaIdCheck::fnv1a);
    }

    /** The key of a stanza-id in its room; the length keeps "ab" + "c" apart from "a" + "bc". */
    private static String key(String room, String stanzaId) {
        return room.length() + ":" + room + stanzaId;
    }

    /** FNV-1a over the UTF-16 units, then a SplitMix64 finaliser to spread FNV's weak high bits. */
    private static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** The first pass: one hash per message. */
    final class Hashes implements StanzaIdCheck {
        private final ToLongFunction<String> hash;
        private long[] seen = new long[1024];
        private int size;

        Hashes(ToLongFunction<String> hash) {
            this.hash = hash;
        }

        @Override
        public void note(String room, String stanzaId, LineFields fields) {
            if (size == seen.length) {
                seen = Arrays.copyOf(seen, size * 2);
            }
            seen[size++] = hash.applyAsLong(key(room, stanzaId));
        }

        /** Nothing to check again if no hash repeated; else the pass that tells a duplicate from a collision. */
        StanzaIdCheck secondPass() {
            long[] sorted = Arrays.copyOf(seen, size);
            Arrays.sort(sorted);
            Set<Long> repeated = new HashSet<>();
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    repeated.add(sorted[i]);
                }
            }
            return repeated.isEmpty() ? new Off() : new Exact(repeated, hash);
        }
    }

    /** The second pass: the exact ids of the messages whose hash repeated, with the line each came on. */
    final class Exact implements StanzaIdCheck {
        private final Set<Long> repeated;
        private final ToLongFunction<String> hash;
        private final Map<String, Long> lines = new HashMap<>();

        Exact(Set<Long> repeated, ToLongFunction<String> hash) {
            this.repeated = Set.copyOf(repeated);
            this.hash = hash;
        }

        @Override
        public void note(String room, String stanzaId, LineFields fields) {
            String key = key(room, stanzaId);
            if (!repeated.contains(hash.applyAsLong(key))) {
                return;
            }
            Long earlier = lines.putIfAbsent(key, fields.line());
            if (earlier != null) {
                throw fields.error("stanzaId", "'" + stanzaId + "' is already the stanza-id of line " + earlier
                        + " in room '" + room + "'");
            }
        }
    }

    /** No check: the file was checked already, or nothing repeated. */
    final class Off implements StanzaIdCheck {
        @Override
        public void note(String room, String stanzaId, LineFields fields) {
            // nothing to do
        }
    }
}
