package org.perch.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts sessions log in with: read from a file (lines {@code user password}; blank lines and {@code #}
 * comments skipped) or made up as {@code <prefix>0 … <prefix>N-1} with one password, as
 * {@link org.perch.bench.pool.BenchServerProcess} creates them. Session i uses account i mod the count, so fewer
 * accounts than sessions means several sessions (with their own resources) per account.
 */
record Accounts(List<Account> accounts, String source) {

    /** A local part (without the domain) and its password. */
    record Account(String user, String password) {
    }

    Accounts {
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no accounts");
        }
    }

    static Accounts numbered(String prefix, int count, String password) {
        List<Account> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Account(prefix + i, password));
        }
        return new Accounts(list, prefix + "0…" + prefix + (count - 1) + " with one password");
    }

    static Accounts read(Path file) throws IOException {
        List<Account> list = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException(file + ": a line without a password: " + line);
            }
            String user = parts[0].contains("@") ? parts[0].substring(0, parts[0].indexOf('@')) : parts[0];
            list.add(new Account(user, parts[1]));
        }
        return new Accounts(list, file.toString());
    }

    Account forSession(int session) {
        return accounts.get(session % accounts.size());
    }
}
