package org.perch.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.perch.testing.PerchTestServer;

/** {@link LoadGenerator}'s command line. */
record LoadOptions(String profile, String host, int port, String domain, String muc, int sessions, int rooms,
                   int occupants, List<Double> rates, int settleSeconds, int warmupSeconds, int measureSeconds,
                   int holdSeconds,
                   int mamPage, int history, int presenters, int scale, String sasl, Optional<Path> ca, String sources,
                   Optional<Path> accountsFile,
                   String userPrefix, String password, boolean register, OptionalLong serverPid, boolean startPerch,
                   int concurrency,
                   int timeoutSeconds, int threads, Optional<Path> json, List<Peer> compare, AbuseOptions abuse) {

    static final String USAGE = """
            usage: java -cp benchmarks.jar org.perch.bench.load.LoadGenerator --profile P [OPTION VALUE]…
            An XMPP load generator on Netty: thousands of TLS sessions in one process log in, join rooms and post,
            against a running server, or against a Perch of its own (--start-perch).
            Profiles (--profile):
              connections  --sessions N log in, each joins one of --rooms R and stays idle for --hold S seconds:
                           logins/s, joins/s, sessions held, the server's CPU, and its RSS and heap (after a
                           full GC, if it is a JVM) per session
              fanout       --rooms R × --occupants M sessions, every occupant posting at each of --rates in turn
                           (messages/s per occupant, open loop) until p99 > 100 ms or under 90% of the offered
                           rate arrives: sent/s, deliveries/s, post→delivery p50/p90/p99/max, errors; then a MAM
                           page of --mam-page messages from every room
              joinstorm    one session per room of --rooms R posts --history H messages into it; then --sessions
                           N more log in and all join at once (--concurrency in flight), each asking for H
                           messages of history: joins/s, join latency (presence → subject) p50/p90/p99/max,
                           history per join, the server's CPU over the storm
              auditorium   one moderated room (a Perch auditorium): its owner, --presenters P the owner gives
                           voice, and --sessions N visitors that only read; the presenters post at each of --rates
                           (messages/s per presenter) in turn, as fanout, until p99 > 100 ms: deliveries/s to all
                           1 + P + N, latency
              lync         Lync's performance user model (spec §13.4) at 1 : --scale S: 80,000 / S users, each in
                           12 small, 2 medium and 2 large rooms, posting the model's 24 messages/s ÷ S for --measure
                           seconds after --settle: joins/s, deliveries/s, latency, the server's CPU, RSS and heap
              abuse        hostile clients (issue 9): --rooms R × --occupants M well-behaved sessions post at the
                           first of --rates throughout; after --settle, a baseline window of --measure seconds,
                           then each of --attacks in turn (started, --settle s, measured, stopped, --recovery s),
                           then a window after them all: the well-behaved p50/p99 and its ratio to the baseline,
                           errors, what became of the attackers (stream errors, closes, still open), the server's
                           CPU, RSS and heap after a full GC. Attackers run on an engine of their own
                           (--attack-threads event loops) from --attack-sources. With --start-perch the server
                           keeps its default limits (64 connections per address, 262,144-byte stanzas).
            Side by side:
              --compare LIST        run the profile against each of perch, prosody, ejabberd in turn (as listed)
                                    and end with a table of ratios: Perch started as by --start-perch, Prosody
                                    and ejabberd as ../shared/tools/peers/start-peers.sh runs them (c2s 15222 and
                                    25222, rooms at conference.localhost, accounts made with --register, their
                                    certificate verified); --host, --port, --domain, --muc, --server-pid,
                                    --start-perch and --register are then set for each server
            Target:
              --host H --port P     the server's c2s (STARTTLS) port             default: 127.0.0.1, 5222
              --domain D --muc M    XMPP domain, MUC service                     default: localhost, chat.<domain>
              --server-pid PID      the server's process, for CPU, RSS and heap (/proc, jcmd)
              --start-perch         start a Perch (BenchServerProcess, a JVM of its own, domain localhost) with
                                    accounts user0, user1, … (--password), stop it at the end; --host, --port and
                                    --server-pid are then unused
            Sessions:
              --sessions N --rooms R --occupants M                               default: 1000, 10, 10
              --rates LIST          messages/s per occupant, a step each         default: 0.5,1,2,4,8,16,32
              --settle S            fanout, auditorium, lync: seconds posting at the first rate before any step,
                                    unmeasured (a JVM's JIT warm-up)             default: 20
              --warmup S --measure S  seconds per step before and in its window  default: 5, 15
              --hold S              idle seconds before connections measures     default: 10
              --mam-page N          fanout's MAM page (0: no MAM query)          default: 50
              --history H           joinstorm's messages per room, asked for by every join   default: 20
              --presenters P        auditorium's sessions that post              default: 3
              --scale S             lync's scale, 1 : S (1 is the model itself)  default: 8
              --sasl MECHANISM      scram-sha-1 or plain                         default: scram-sha-1
              --ca FILE             the certificate(s) to trust; without it (or --start-perch, which trusts the
                                    started server's own) any certificate is trusted, unchecked
              --sources SPEC        local addresses, in turn: a.b.c.d-a.b.c.e or a list   default: 127.0.0.1
              --accounts-file FILE  lines "user password"; session i logs in as line i mod the count
              --user-prefix P --password W  otherwise accounts P0, P1, … with one password
                                                                    default: user, PerchTestServer's password
              --register            each session registers its account in-band (XEP-0077) before it logs in; an
                                    account that exists already is used as it is
              --concurrency N       logins or joins in flight at once            default: 200
              --timeout S           for each login, join or MAM query            default: 60
              --threads N           event loop threads                           default: the CPUs
              --json FILE           also write the results as JSON (with --compare: FILE-<server>.json each)
            Abuse (--profile abuse):
              --attacks LIST        of flood, slow-reader, slowloris, oversize, mam-everything, connection-flood
                                    (in the order given)                         default: all, in that order
              --attack-sizes SPEC   name=N,…: flood sessions (4), slow-reader sessions (10), slowloris connections
                                    (200), oversize sessions at a time (4), mam-everything sessions (4),
                                    connection-flood connections in flight (256)
              --attack-sources SPEC the attackers' addresses; connection-flood uses the first only
                                                                    default: 127.0.0.101-127.0.0.108
              --attack-threads N    the attackers' event loop threads            default: 1
              --recovery S          seconds after each attack before the next    default: 10
              --oversize-bytes N    the oversize stanza, larger than the server's limit   default: 300000
              --slowloris-interval S  seconds between a slowloris connection's bytes  default: 3
              (--sources defaults to 127.0.0.1-127.0.0.4 for abuse, so that the well-behaved sessions stay under
              the server's per-address limit)
              --help                this text
            """;


    private static final List<String> PROFILES = List.of("connections", "fanout", "joinstorm",
            "auditorium", "lync", "abuse");
    private static final Set<String> FLAGS = Set.of("--start-perch", "--register");
    private static final Set<String> OWN = Set.of("--profile", "--host", "--port", "--domain", "--muc",
            "--sessions", "--rooms", "--occupants", "--rates", "--settle", "--warmup", "--measure", "--hold",
            "--mam-page",
            "--history", "--presenters", "--scale",
            "--sasl", "--ca", "--sources", "--accounts-file", "--user-prefix", "--password", "--register",
            "--server-pid",
            "--start-perch", "--concurrency", "--timeout", "--threads", "--json", "--compare");
    private static final Set<String> KNOWN = union(OWN, AbuseOptions.KEYS);
    /** What --compare sets for each server itself. */
    private static final Set<String> SET_BY_COMPARE = Set.of("--host", "--port", "--domain", "--muc",
            "--server-pid", "--start-perch", "--register");

    LoadOptions {
        rates = List.copyOf(rates);
        compare = List.copyOf(compare);
        Objects.requireNonNull(abuse, "abuse");
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException("--profile is one of " + String.join(", ", PROFILES) + ", not "
                    + profile);
        }
        if (sessions < 1 || rooms < 1 || occupants < 1 || concurrency < 1 || threads < 1 || timeoutSeconds < 1
                || measureSeconds < 1 || settleSeconds < 0 || warmupSeconds < 0 || holdSeconds < 0 || mamPage < 0
                || history < 1 || presenters < 1 || scale < 1
                || rates.isEmpty()
                || rates.stream().anyMatch(r -> !(r > 0))) {
            throw new IllegalArgumentException("counts, rates and --measure must be positive; --settle, --warmup,"
                    + " --hold and --mam-page at least 0; --history, --presenters and --scale at least 1");
        }
        if (startPerch
                && (!userPrefix.equals("user") || !domain.equals("localhost") || !muc.equals("chat.localhost"))) {
            throw new IllegalArgumentException("--start-perch serves localhost and chat.localhost, with accounts"
                    + " user0, user1, …: no --user-prefix, --domain or --muc with it");
        }
        if (!sasl.equals("scram-sha-1") && !sasl.equals("plain")) {
            throw new IllegalArgumentException("--sasl is scram-sha-1 or plain, not " + sasl);
        }
    }

    /** The options, or on {@code --help} the usage on standard output and exit 0; on an error, exit 2. */
    static LoadOptions parse(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            System.exit(0);
        }
        try {
            return of(args);
        } catch (IllegalArgumentException e) {
            System.err.print("LoadGenerator: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            throw e;
        }
    }

    /** The options; an unknown option or a bad value throws. */
    static LoadOptions of(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!KNOWN.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (FLAGS.contains(args[i])) {
                given.put(args[i], "true");
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            } else {
                given.put(args[i], args[++i]);
            }
        }
        return of(given);
    }

    private static LoadOptions of(Map<String, String> given) {
        if (given.containsKey("--compare") && given.keySet().stream().anyMatch(SET_BY_COMPARE::contains)) {
            throw new IllegalArgumentException("--compare sets the server of each run itself: no "
                    + String.join(", ", SET_BY_COMPARE.stream().sorted().toList()) + " with it");
        }
        if (given.containsKey("--compare") && "abuse".equalsIgnoreCase(given.get("--profile"))) {
            throw new IllegalArgumentException("the abuse profile runs against one server at a time: no --compare");
        }
        String domain = given.getOrDefault("--domain", "localhost");
        boolean abuse = "abuse".equalsIgnoreCase(given.get("--profile"));
        return new LoadOptions(given.getOrDefault("--profile", "connections").toLowerCase(Locale.ROOT),
                given.getOrDefault("--host", "127.0.0.1"), number(given, "--port", 5222), domain,
                given.getOrDefault("--muc", "chat." + domain), number(given, "--sessions", 1000),
                number(given, "--rooms", 10), number(given, "--occupants", 10),
                Arrays.stream(given.getOrDefault("--rates", "0.5,1,2,4,8,16,32").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(Double::parseDouble).toList(),
                number(given, "--settle", 20), number(given, "--warmup", 5), number(given, "--measure", 15),
                number(given, "--hold", 10),
                number(given, "--mam-page", 50), number(given, "--history", 20),
                number(given, "--presenters", 3), number(given, "--scale", 8),
                given.getOrDefault("--sasl", "scram-sha-1").toLowerCase(Locale.ROOT),
                path(given, "--ca"),
                given.getOrDefault("--sources", abuse ? AbuseOptions.DEFAULT_SOURCES : "127.0.0.1"),
                path(given, "--accounts-file"),
                given.getOrDefault("--user-prefix", "user"), given.getOrDefault("--password", PerchTestServer.PASSWORD),
                given.containsKey("--register"),
                given.containsKey("--server-pid") ? OptionalLong.of(Long.parseLong(given.get("--server-pid")))
                        : OptionalLong.empty(), given.containsKey("--start-perch"), number(given, "--concurrency", 200),
                number(given, "--timeout", 60),
                number(given, "--threads", Runtime.getRuntime().availableProcessors()), path(given, "--json"),
                given.containsKey("--compare") ? Arrays.stream(given.get("--compare").split(",")).map(Peer::named)
                        .distinct().toList() : List.of(), AbuseOptions.of(given));
    }

    /** These options for one server of a side-by-side run. */
    LoadOptions against(Peer peer) {
        boolean perch = peer == Peer.PERCH;
        return new LoadOptions(profile, "127.0.0.1", peer.port(), "localhost", peer.muc(), sessions, rooms,
                occupants, rates, settleSeconds, warmupSeconds, measureSeconds, holdSeconds, mamPage, history,
                presenters, scale, sasl,
                perch ? Optional.empty() : ca.or(peer::certificate), sources, accountsFile,
                perch ? "user" : userPrefix, password, !perch,
                perch ? OptionalLong.empty() : OptionalLong.of(peer.pid()), perch, concurrency, timeoutSeconds,
                threads, json.map(j -> j.resolveSibling(j.getFileName() + "-" + peer.name().toLowerCase(Locale.ROOT)
                        + ".json")), List.of(), abuse);
    }

    /** The sessions the profile opens. */
    int sessionCount() {
        return switch (profile) {
            case "fanout" -> rooms * occupants;
            case "joinstorm" -> rooms + sessions;
            case "auditorium" -> 1 + presenters + sessions;
            case "lync" -> LyncModelProfile.users(scale);
            case "abuse" -> rooms * occupants + abuse.accounts();
            default -> sessions;
        };
    }

    Target target(int actualPort) {
        return new Target(host, actualPort, domain, muc);
    }

    static int number(Map<String, String> given, String key, int absent) {
        String value = given.get(key);
        try {
            return value == null ? absent : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes a whole number, not " + value, e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Optional<Path> path(Map<String, String> given, String key) {
        return Optional.ofNullable(given.get(key)).map(Path::of);
    }
}
