package org.perch.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The abuse profile's own options ({@link AbuseProfile}): which attacks, in which order, how big each, and where the
 * attackers connect from. Attackers use addresses of their own ({@code --attack-sources}), so that the server's
 * per-address limit sees them apart from the well-behaved sessions, as it would see a hostile client elsewhere.
 *
 * @param attacks                   in the order they run
 * @param sizes                     each attack's size (sessions or connections, {@link AttackKind#unit})
 * @param attackSources             the attackers' local addresses; connection-flood uses the first alone
 * @param attackThreads             event loop threads of the attackers' engine, apart from the well-behaved one's
 * @param recoverySeconds           pause after each attack is stopped, before the next starts
 * @param oversizeBytes             the oversize attack's stanza, in bytes as sent
 * @param slowlorisIntervalSeconds  seconds between two bytes of a slowloris connection
 */
record AbuseOptions(List<AttackKind> attacks, Map<AttackKind, Integer> sizes, String attackSources, int attackThreads,
                    int recoverySeconds, int oversizeBytes, int slowlorisIntervalSeconds) {

    /** The well-behaved sessions' addresses when --sources is not given: 25 each of 100 sessions, under 64. */
    static final String DEFAULT_SOURCES = "127.0.0.1-127.0.0.4";
    static final String DEFAULT_ATTACK_SOURCES = "127.0.0.101-127.0.0.108";
    /** Perch's limits.max-stanza-bytes is 262,144 by default; this is larger by a sixth. */
    static final int DEFAULT_OVERSIZE_BYTES = 300_000;
    static final Set<String> KEYS = Set.of("--attacks", "--attack-sizes", "--attack-sources", "--attack-threads",
            "--recovery", "--oversize-bytes", "--slowloris-interval");

    AbuseOptions {
        attacks = List.copyOf(attacks);
        EnumMap<AttackKind, Integer> all = new EnumMap<>(AttackKind.class);
        for (AttackKind kind : AttackKind.values()) {
            all.put(kind, kind.defaultSize());
        }
        all.putAll(sizes);
        sizes = Map.copyOf(all);
        if (attacks.isEmpty() || attacks.stream().distinct().count() != attacks.size()) {
            throw new IllegalArgumentException("--attacks lists each attack at most once, and at least one");
        }
        if (sizes.values().stream().anyMatch(n -> n < 1) || attackThreads < 1 || recoverySeconds < 0
                || oversizeBytes < 1024 || slowlorisIntervalSeconds < 1) {
            throw new IllegalArgumentException("attack sizes, --attack-threads and --slowloris-interval must be"
                    + " positive, --recovery at least 0, --oversize-bytes at least 1024");
        }
    }

    /** Every attack at its default size. */
    static AbuseOptions defaults() {
        return of(Map.of());
    }

    /** From the command line's options (those of {@link #KEYS} that were given). */
    static AbuseOptions of(Map<String, String> given) {
        List<AttackKind> attacks = given.containsKey("--attacks")
                ? Arrays.stream(given.get("--attacks").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(AttackKind::named).toList()
                : List.of(AttackKind.values());
        return new AbuseOptions(attacks, sizes(given.getOrDefault("--attack-sizes", "")),
                given.getOrDefault("--attack-sources", DEFAULT_ATTACK_SOURCES),
                LoadOptions.number(given, "--attack-threads", 1), LoadOptions.number(given, "--recovery", 10),
                LoadOptions.number(given, "--oversize-bytes", DEFAULT_OVERSIZE_BYTES),
                LoadOptions.number(given, "--slowloris-interval", 3));
    }

    /** {@code name=N,name=N}: sizes for some attacks. */
    static Map<AttackKind, Integer> sizes(String spec) {
        Map<AttackKind, Integer> sizes = new EnumMap<>(AttackKind.class);
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--attack-sizes takes name=N pairs, not " + part.strip());
            }
            try {
                sizes.put(AttackKind.named(kv[0]), Integer.parseInt(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--attack-sizes: " + kv[0].strip() + " takes a whole number, not "
                        + kv[1].strip(), e);
            }
        }
        return sizes;
    }

    int size(AttackKind kind) {
        return sizes.get(kind);
    }

    /** Accounts the chosen attacks log in with, after the well-behaved sessions' own. */
    int accounts() {
        return attacks.stream().filter(AttackKind::logsIn).mapToInt(this::size).sum();
    }

    /**
     * The first of an attack's accounts, counted from the first account after the well-behaved ones: each attack that
     * logs in has accounts of its own, so that no attacker shares an account with another attack's.
     */
    int firstAccount(AttackKind kind) {
        int first = 0;
        for (AttackKind k : attacks) {
            if (k == kind) {
                return first;
            }
            if (k.logsIn()) {
                first += size(k);
            }
        }
        throw new IllegalArgumentException(kind.option() + " is not among the attacks");
    }

    /** The attacks and their sizes, for the report. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (AttackKind k : attacks) {
            parts.add(k.option() + " (" + size(k) + " " + k.unit() + ")");
        }
        return String.join(", ", parts);
    }
}
