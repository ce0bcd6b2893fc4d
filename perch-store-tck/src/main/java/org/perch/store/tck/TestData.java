package org.perch.store.tck;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.perch.core.Jid;
import org.perch.store.Account;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/** Deterministic accounts and credentials for the contracts. */
final class TestData {

    /** Backends keep the creation instant to at least the millisecond, so test instants carry no more. */
    static final Instant CREATED = Instant.parse("2024-05-01T10:15:30.123Z");

    private TestData() {
    }

    static Jid jid(String local) {
        return Jid.bare(local, "example.org");
    }

    static ScramCredential credential(ScramMechanism mechanism, int seed) {
        return new ScramCredential(mechanism, bytes(16, seed), 4096 + seed,
                bytes(mechanism.keyLength(), seed + 1), bytes(mechanism.keyLength(), seed + 2));
    }

    static Map<ScramMechanism, ScramCredential> credentials(int seed) {
        Map<ScramMechanism, ScramCredential> map = new EnumMap<>(ScramMechanism.class);
        for (ScramMechanism m : ScramMechanism.values()) {
            map.put(m, credential(m, seed + m.ordinal() * 10));
        }
        return map;
    }

    static Account account(String local) {
        return account(jid(local), 1);
    }

    static Account account(Jid jid, int seed) {
        return new Account(jid, credentials(seed), false, CREATED);
    }

    /** Bytes covering the whole 0-255 range, so no backend gets away with a text or signed-byte mix-up. */
    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 17 + 128);
        }
        return b;
    }
}
