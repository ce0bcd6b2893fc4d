package org.perch.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.perch.bench.Dataset;
import org.perch.bench.PersistRate;
import org.perch.bench.pool.BenchServerProcess;
import org.perch.bench.pool.Machine;

/**
 * The XMPP load generator (issue 7): runs one profile ({@link ConnectionsProfile}, {@link FanoutProfile}) against a
 * running server, or against a Perch it starts in a JVM of its own ({@code --start-perch}), and reports as a table
 * and, with {@code --json}, as JSON. {@code --help} lists the options.
 *
 * <pre>java -cp benchmarks.jar org.perch.bench.load.LoadGenerator --profile connections --sessions 2000 --rooms 50
 *     --start-perch</pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String commandLine = "LoadGenerator " + String.join(" ", args);
        if (options.compare().isEmpty()) {
            measure(options, commandLine);
        } else {
            SideBySide.run(options, commandLine);
        }
    }

    /** Runs the profile against the options' server, started here when they say so, and reports it. */
    static ProfileResult measure(LoadOptions options, String commandLine) throws Exception {
        Optional<BenchServerProcess> perch = options.startPerch() ? Optional.of(startPerch(options))
                : Optional.empty();
        try {
            return run(options, commandLine, perch);
        } finally {
            if (perch.isPresent()) {
                perch.get().close();
                Dataset.deleteTree(perch.get().dataDir());
            }
        }
    }

    private static ProfileResult run(LoadOptions options, String commandLine, Optional<BenchServerProcess> perch)
            throws Exception {
        Target target = options.target(perch.map(BenchServerProcess::port).orElse(options.port()));
        Optional<ServerProcess> server = perch.map(p -> new ServerProcess(p.process().pid()))
                .or(() -> options.serverPid().isPresent()
                        ? Optional.of(new ServerProcess(options.serverPid().getAsLong())) : Optional.empty());
        Optional<Path> ca = options.ca().or(() -> perch.map(p -> p.dataDir().resolve("tls").resolve("localhost.crt")));
        Accounts accounts = options.accountsFile().isPresent() ? Accounts.read(options.accountsFile().get())
                : Accounts.numbered(options.userPrefix(), options.sessionCount(), options.password());
        SourceAddresses sources = SourceAddresses.parse(options.sources());
        RunDescription description = new RunDescription(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                commandLine, Machine.current(), target,
                ca.map(c -> "verified against " + c).orElse("trust-all: the server's certificate is NOT verified"),
                options.sasl().toUpperCase(Locale.ROOT), sources + " (" + sources.size() + " addresses)",
                accounts.source(), server.map(s -> OptionalLong.of(s.pid())).orElse(OptionalLong.empty()),
                PersistRate.loadAverage());
        LoadReport report = new LoadReport(System.out);
        report.header(description);

        LoadProbe probe = new LoadProbe();
        Optional<ServerProcess.Reading> before = server.map(ServerProcess::read);
        ProfileResult result;
        ObjectNode json;
        try (ClientEngine engine = ClientEngine.start(target, ca, options.sasl(), options.register(), sources,
                options.threads(), probe)) {
            LoadRun run = new LoadRun(options, target, engine, accounts, server, probe, report, ca);
            result = switch (options.profile()) {
                case "fanout" -> FanoutProfile.run(run);
                case "joinstorm" -> JoinStormProfile.run(run);
                case "auditorium" -> AuditoriumProfile.run(run);
                case "lync" -> LyncModelProfile.run(run);
                case "abuse" -> AbuseProfile.run(run);
                default -> ConnectionsProfile.run(run);
            };
            report.result(result);
            json = LoadJson.of(result);
        }
        Optional<ServerProcess.Reading> after = server.map(ServerProcess::read);
        if (options.json().isPresent()) {
            LoadJson.write(options.json().get(), description, json,
                    after.map(a -> OptionalLong.of(a.rssKib())).orElse(OptionalLong.empty()),
                    after.map(a -> OptionalDouble.of((a.cpuMicros() - before.orElseThrow().cpuMicros()) / 1e6))
                            .orElse(OptionalDouble.empty()));
            System.out.println("load: JSON in " + options.json().get());
        }
        return result;
    }

    /**
     * A Perch in a JVM of its own, on a fresh data directory (domain localhost, rooms at chat.localhost), with the
     * accounts the run logs in with (unless they come from a file) and the bench's limits; for the abuse profile
     * the server's own defaults instead (64 connections per address, the 300 s idle timeout), since those limits
     * are part of what it measures.
     */
    private static BenchServerProcess startPerch(LoadOptions options) throws Exception {
        Path dataDir = Files.createTempDirectory("perch-load-");
        int accounts = options.accountsFile().isPresent() ? 0 : options.sessionCount();
        boolean abuse = options.profile().equals("abuse");
        System.out.printf("load: starting Perch in %s with %,d accounts (%s, %s)…%n", dataDir, accounts,
                BenchServerProcess.HEAP,
                abuse ? "its default limits" : "the bench's limits " + BenchServerProcess.LOAD_SETTINGS);
        return BenchServerProcess.start("perch", dataDir, abuse ? Map.of() : BenchServerProcess.LOAD_SETTINGS,
                accounts, options.password());
    }
}
