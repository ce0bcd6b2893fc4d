package org.perch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.perch.compliance.AdapterSettings;
import org.perch.compliance.ComplianceRuntime;
import org.perch.compliance.ComplianceService;
import org.perch.compliance.ComplianceStatus;
import org.perch.compliance.XmlAdapter;
import org.perch.core.Jid;
import org.perch.domain.chat.ChatRooms;
import org.perch.domain.chat.ChatSettings;
import org.perch.store.Store;
import org.perch.store.compliance.ComplianceRecord;
import org.perch.store.h2.H2Store;

/**
 * What compliance costs message throughput (issue 5: at most 10%): {@link PersistRate}'s {@code HistoryWriter}
 * measurement, through the history the server's writer uses ({@link ChatRooms#capturedHistory()}), with compliance
 * off and on, alternately (off, on, off, on …) so that a noisy machine's drift hits both alike.
 *
 * <p>On is as in production: the capture enabled (every post's CHAT event written into the outbox in the post's
 * own transaction) and a {@link ComplianceService} running beside the posters, moving the outbox into a real H2
 * compliance database every {@code --move-every} milliseconds and exporting with the {@code xml} adapter (Lync's)
 * every {@code --run-every} seconds, far more often than a deployment would, so that its load is counted.
 *
 * <pre>java -cp benchmarks.jar org.perch.bench.ComplianceCost [--messages 1000000] [--posters 64] [--rounds 3]
 *     [--warmup 5] [--measure 30] [--move-every 1000] [--run-every 5] [--service on|off]</pre>
 * {@code --service off} measures the capture alone (on = capture without the service), to tell the two costs apart.
 */
public final class ComplianceCost {


    private final PersistRate bench;
    private final int posters;
    private final Duration moveEvery;
    private final Duration runEvery;
    private final boolean withService;

    private ComplianceCost(PersistRate bench, int posters, Duration moveEvery, Duration runEvery,
                           boolean withService) {
        this.bench = bench;
        this.posters = posters;
        this.moveEvery = moveEvery;
        this.runEvery = runEvery;
        this.withService = withService;
    }

    public static void main(String[] args) throws IOException {
        long messages = 1_000_000;
        int posters = 64;
        int rounds = 3;
        long warmup = 5;
        long measure = 30;
        long moveEvery = 1_000;
        long runEvery = 5;
        boolean withService = true;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--messages" -> messages = Long.parseLong(value.replace("_", ""));
                case "--posters" -> posters = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warmup" -> warmup = Long.parseLong(value);
                case "--measure" -> measure = Long.parseLong(value);
                case "--move-every" -> moveEvery = Long.parseLong(value);
                case "--run-every" -> runEvery = Long.parseLong(value);
                case "--service" -> withService = !value.equals("off");
                default -> {
                    System.err.println("usage: ComplianceCost [--messages N] [--posters P] [--rounds R]"
                            + " [--warmup SECONDS] [--measure SECONDS] [--move-every MILLIS] [--run-every SECONDS]"
                            + " [--service on|off]");
                    System.exit(2);
                }
            }
            i++;
        }
        System.out.printf(Locale.ROOT, "compliance: %s messages before each run, %d posters, %d rounds of off/on,"
                        + " %d s warm-up, %d s measured; move every %d ms, export every %d s; %d CPUs, Java %s;"
                        + " load average %s%n", messages == 0 ? "no" : String.format("%,d", messages), posters,
                rounds, warmup, measure, moveEvery, runEvery, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), PersistRate.loadAverage());
        Optional<Dataset> dataset = messages == 0 ? Optional.empty() : Optional.of(Dataset.ensure(messages));
        ComplianceCost cost = new ComplianceCost(new PersistRate(messages, warmup * 1000, measure * 1000), posters,
                Duration.ofMillis(moveEvery), Duration.ofSeconds(runEvery), withService);
        List<PersistRate.Result> off = new ArrayList<>();
        List<PersistRate.Result> on = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            off.add(cost.bench.inScratchStore(dataset, (dir, store) -> cost.off(store, r)));
            on.add(cost.bench.inScratchStore(dataset, (dir, store) -> cost.on(dir, store, r)));
        }
        report(off, on, messages);
    }

    private PersistRate.Result off(Store store, int round) {
        ChatRooms chat = chatRooms(store);
        return bench.writer(store, chat.capturedHistory(), posters, "round " + round + ", compliance off");
    }

    private PersistRate.Result on(Path dir, Store store, int round) {
        ChatRooms chat = chatRooms(store);
        chat.compliance().enable(true);
        XmlAdapter adapter = new XmlAdapter();
        adapter.configure(new AdapterSettings(dir.resolve("compliance-out"), false, true, true, false,
                "example.org", MessageFactory.CHAT_DOMAIN));
        if (!withService) {
            return bench.writer(store, chat.capturedHistory(), posters, "round " + round + ", capture only");
        }
        try (ComplianceRecord record = H2Store.openComplianceRecord(dir);
             ComplianceService service = new ComplianceService(store.outbox(), record, adapter, Clock.systemUTC(),
                     ComplianceRuntime.BATCH).start(moveEvery, runEvery)) {
            PersistRate.Result result = bench.writer(store, chat.capturedHistory(), posters,
                    "round " + round + ", compliance on");
            ComplianceStatus status = service.status();
            System.out.printf(Locale.ROOT, "compliance: after the run %,d events exported, %,d waiting in the outbox,"
                            + " %,d in the compliance database; last error: %s%n", status.lastExportedSequence(),
                    status.outboxBacklog(), status.exportBacklog(), status.lastError().orElse("none"));
            return result;
        }
    }

    private static ChatRooms chatRooms(Store store) {
        return new ChatRooms(store, ChatSettings.DEFAULTS, Clock.systemUTC(), e -> { },
                Jid.domainOnly(MessageFactory.CHAT_DOMAIN));
    }

    private static void report(List<PersistRate.Result> off, List<PersistRate.Result> on, long messages) {
        System.out.printf(Locale.ROOT, "%ncompliance: results (%s messages before each run; load average now %s)%n",
                messages == 0 ? "no" : String.format("%,d", messages), PersistRate.loadAverage());
        System.out.printf(Locale.ROOT, "%-6s %12s %12s %8s %14s %14s %16s%n", "round", "off msg/s", "on msg/s",
                "on/off", "off p50/p99 ms", "on p50/p99 ms", "CPU µs/msg off/on");
        for (int i = 0; i < off.size(); i++) {
            PersistRate.Result a = off.get(i);
            PersistRate.Result b = on.get(i);
            System.out.printf(Locale.ROOT, "%-6d %,12.0f %,12.0f %8.3f %14s %14s %16s%n", i + 1, a.rate(), b.rate(),
                    b.rate() / a.rate(), a.percentile(0.5) + "/" + a.percentile(0.99),
                    b.percentile(0.5) + "/" + b.percentile(0.99),
                    String.format(Locale.ROOT, "%.1f/%.1f", a.cpuMicrosPerMessage(), b.cpuMicrosPerMessage()));
        }
        double offMean = off.stream().mapToDouble(PersistRate.Result::rate).average().orElse(0);
        double onMean = on.stream().mapToDouble(PersistRate.Result::rate).average().orElse(0);
        double offCpu = off.stream().mapToDouble(PersistRate.Result::cpuMicrosPerMessage).average().orElse(0);
        double onCpu = on.stream().mapToDouble(PersistRate.Result::cpuMicrosPerMessage).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-6s %,12.0f %,12.0f %8.3f %14s %14s %16s%n", "mean", offMean, onMean,
                onMean / offMean, "", "", String.format(Locale.ROOT, "%.1f/%.1f", offCpu, onCpu));
        System.out.printf(Locale.ROOT, "compliance: the capture costs %.1f%% of message throughput (target ≤ 10%%)"
                + " and %.1f%% more CPU per message%n", (1 - onMean / offMean) * 100, (onCpu / offCpu - 1) * 100);
    }
}
