package org.perch.store.h2;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.perch.core.Jid;
import org.perch.store.Account;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;
import org.perch.store.Store;

/**
 * Plays the {@code perch user add} CLI in a second JVM: opens the store, checks it sees an account the test
 * process wrote, and creates another. Exit status 0 = done, 2 = the first account was not visible.
 */
public final class SecondProcess {

    private SecondProcess() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        try (Store store = H2Store.open(dataDir)) {
            if (store.accounts().find(Jid.of(args[1])).isEmpty()) {
                System.exit(2);
            }
            store.accounts().create(account(Jid.of(args[2])));
        }
    }

    static Account account(Jid jid) {
        ScramMechanism m = ScramMechanism.SHA_256;
        ScramCredential credential = new ScramCredential(m, new byte[16], 4096, new byte[m.keyLength()],
                new byte[m.keyLength()]);
        return new Account(jid, Map.of(m, credential), false, Instant.parse("2024-01-01T00:00:00Z"));
    }
}
