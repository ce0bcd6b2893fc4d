package org.perch.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.perch.bench.Latency;

/**
 * The results as JSON, written field by field so that the file's shape is decided here and not by the records: a
 * value that was not measured (no server process known, no JVM to ask for its heap) is left out rather than null.
 */
final class LoadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LoadJson() {
    }

    static void write(Path file, RunDescription run, ObjectNode result, OptionalLong serverRssKibAtEnd,
                      OptionalDouble serverCpuSeconds) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("startedAt", run.startedAt());
        root.put("commandLine", run.commandLine());
        root.put("loadAverage", run.loadAverage());
        ObjectNode machine = root.putObject("machine");
        machine.put("processors", run.machine().processors());
        machine.put("cpuModel", run.machine().cpuModel());
        machine.put("memoryGib", run.machine().memoryGib());
        machine.put("java", System.getProperty("java.version"));
        ObjectNode target = root.putObject("target");
        target.put("host", run.target().host());
        target.put("port", run.target().port());
        target.put("domain", run.target().domain());
        target.put("muc", run.target().muc());
        target.put("tls", run.tls());
        target.put("sasl", run.sasl());
        target.put("sources", run.sources());
        target.put("accounts", run.accounts());
        ObjectNode server = root.putObject("server");
        run.serverPid().ifPresent(pid -> server.put("pid", pid));
        serverRssKibAtEnd.ifPresent(rss -> server.put("rssKibAtEnd", rss));
        serverCpuSeconds.ifPresent(cpu -> server.put("cpuSecondsDuringRun", cpu));
        root.set("result", result);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    static ObjectNode of(ProfileResult result) {
        return switch (result) {
            case AbuseProfile.Result r -> abuse(r);
            case FanoutProfile.Result r -> fanout(r);
            case ConnectionsProfile.Result r -> connections(r);
            case JoinStormProfile.Result r -> joinStorm(r);
            case LyncModelProfile.Result r -> lync(r);
        };
    }

    private static ObjectNode abuse(AbuseProfile.Result r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("profile", "abuse");
        node.put("rooms", r.rooms());
        node.put("occupants", r.occupants());
        node.put("joined", r.joined());
        phase(node.putObject("logins"), r.logins());
        phase(node.putObject("joins"), r.joins());
        node.put("perOccupant", r.perOccupant());
        node.put("attackSources", r.abuse().attackSources());
        node.put("attackThreads", r.abuse().attackThreads());
        node.put("targetP99Ratio", AbuseTable.TARGET_RATIO);
        ArrayNode phases = node.putArray("phases");
        r.baseline().ifPresent(baseline -> r.phases().forEach(p -> {
            ObjectNode phase = phases.addObject();
            phase.put("name", p.name());
            latency(phase.putObject("latencyMillis"), p.latency());
            AbuseTable.p99Ratio(p, baseline).ifPresent(ratio -> phase.put("p99RatioToBaseline", ratio));
            if (p != baseline) {
                phase.put("targetMet", AbuseTable.targetMet(p, baseline));
            }
            phase.put("sentPerSecond", p.sent());
            phase.put("deliveriesPerSecond", p.deliveries());
            if (!Double.isNaN(p.deliveredShare())) {
                phase.put("deliveredShare", p.deliveredShare());
            }
            errors(phase, p.errors(), p.errorKinds());
            p.serverCpuShare().ifPresent(cpu -> phase.put("serverCpuShare", cpu));
            phase.put("generatorCpuShare", p.generatorCpuShare());
            p.serverRssKib().ifPresent(rss -> phase.put("serverRssKib", rss));
            p.serverHeapKib().ifPresent(heap -> phase.put("serverHeapAfterGcKib", heap));
            p.attack().ifPresent(a -> {
                ObjectNode attack = phase.putObject("attack");
                attack.put("kind", a.kind().option());
                attack.put("size", a.size());
                attack.put("unit", a.kind().unit());
                attack.put("seconds", a.seconds());
                attack.put("summary", a.summary());
                ObjectNode ends = attack.putObject("ends");
                a.ends().forEach(ends::put);
                ObjectNode figures = attack.putObject("figures");
                a.figures().forEach(figures::put);
                ObjectNode stanzaErrors = attack.putObject("stanzaErrors");
                a.stanzaErrors().forEach(stanzaErrors::put);
            });
        }));
        errors(node, r.errors(), r.errorKinds());
        return node;
    }

    private static ObjectNode lync(LyncModelProfile.Result r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("profile", "lync");
        node.put("scale", r.scale());
        node.put("users", r.users());
        node.put("memberships", r.memberships());
        phase(node.putObject("logins"), r.logins());
        phase(node.putObject("joins"), r.joins());
        ArrayNode classes = node.putArray("classes");
        for (LyncModelProfile.ClassResult c : r.classes()) {
            ObjectNode cls = classes.addObject();
            cls.put("name", c.name());
            cls.put("rooms", c.rooms());
            cls.put("meanOccupants", c.meanOccupants());
            cls.put("offered", c.offered());
            cls.put("deliveries", c.deliveries());
        }
        latency(node.putObject("latencyMillis"), r.latency());
        node.put("sentPerSecond", r.sent());
        node.put("deliveriesPerSecond", r.deliveries());
        r.serverCpuShare().ifPresent(cpu -> node.put("serverCpuShare", cpu));
        r.serverRssKib().ifPresent(rss -> node.put("serverRssKib", rss));
        r.serverHeapKib().ifPresent(heap -> node.put("serverHeapAfterGcKib", heap));
        errors(node, r.errors(), r.errorKinds());
        return node;
    }

    private static ObjectNode joinStorm(JoinStormProfile.Result r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("profile", "joinstorm");
        node.put("rooms", r.rooms());
        node.put("sessions", r.sessions());
        node.put("history", r.history());
        phase(node.putObject("logins"), r.logins());
        phase(node.putObject("joins"), r.joins());
        latency(node.putObject("joinLatencyMillis"), r.joinLatency());
        node.put("meanHistory", r.meanHistory());
        node.put("shortHistory", r.shortHistory());
        r.serverCpuSeconds().ifPresent(cpu -> node.put("serverCpuSeconds", cpu));
        errors(node, r.errors(), r.errorKinds());
        return node;
    }

    private static ObjectNode connections(ConnectionsProfile.Result r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("profile", "connections");
        node.put("sessions", r.sessions());
        node.put("rooms", r.rooms());
        node.put("joined", r.joined());
        node.put("held", r.held());
        phase(node.putObject("logins"), r.logins());
        phase(node.putObject("joins"), r.joins());
        node.put("holdSeconds", r.holdSeconds());
        double held = r.held();
        r.server().ifPresent(s -> {
            ObjectNode server = node.putObject("server");
            server.put("rssBeforeKib", s.rssBeforeKib());
            server.put("rssAfterKib", s.rssAfterKib());
            s.heapBeforeKib().ifPresent(h -> server.put("heapAfterGcBeforeKib", h));
            s.heapAfterKib().ifPresent(h -> server.put("heapAfterGcAfterKib", h));
            if (held > 0) {
                server.put("rssPerSessionKib", (s.rssAfterKib() - s.rssBeforeKib()) / held);
            }
            if (held > 0 && s.heapBeforeKib().isPresent() && s.heapAfterKib().isPresent()) {
                server.put("heapPerSessionKib", (s.heapAfterKib().getAsLong() - s.heapBeforeKib().getAsLong()) / held);
            }
            server.put("cpuSeconds", s.cpuSeconds());
            server.put("idleCpuShare", s.idleCpuShare());
        });
        if (held > 0) {
            node.put("generatorHeapPerSessionKib", r.generatorHeapBytes() / 1024.0 / held);
        }
        errors(node, r.errors(), r.errorKinds());
        return node;
    }

    private static ObjectNode fanout(FanoutProfile.Result r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("profile", "fanout");
        node.put("rooms", r.rooms());
        node.put("occupants", r.occupants());
        node.put("joined", r.joined());
        phase(node.putObject("logins"), r.logins());
        phase(node.putObject("joins"), r.joins());
        node.put("p99LimitMillis", FanoutProfile.P99_LIMIT_MILLIS);
        node.put("minAchievedShare", FanoutProfile.MIN_ACHIEVED_SHARE);
        ArrayNode steps = node.putArray("steps");
        for (FanoutProfile.Step s : r.steps()) {
            ObjectNode step = steps.addObject();
            step.put("perOccupant", s.perOccupant());
            step.put("offered", s.offered());
            step.put("sentPerSecond", s.sent());
            step.put("deliveriesPerSecond", s.deliveries());
            step.put("achieved", s.achieved());
            latency(step.putObject("latencyMillis"), s.latency());
            step.put("errors", s.errors());
            step.put("saturated", s.saturated());
            s.serverCpuShare().ifPresent(cpu -> step.put("serverCpuShare", cpu));
            s.serverRssKib().ifPresent(rss -> step.put("serverRssKib", rss));
        }
        r.mam().ifPresent(m -> {
            ObjectNode mam = node.putObject("mam");
            mam.put("answered", m.answered());
            mam.put("failed", m.failed());
            mam.put("meanMessages", m.meanMessages());
            latency(mam.putObject("latencyMillis"), m.latency());
        });
        errors(node, r.errors(), r.errorKinds());
        return node;
    }

    private static void phase(ObjectNode node, Population.Phase p) {
        node.put("attempted", p.attempted());
        node.put("failed", p.failed());
        node.put("seconds", p.seconds());
        node.put("perSecond", p.perSecond());
    }

    private static void latency(ObjectNode node, Latency l) {
        node.put("count", l.count());
        node.put("p50", l.p50());
        node.put("p90", l.p90());
        node.put("p99", l.p99());
        node.put("max", l.max());
    }

    private static void errors(ObjectNode node, long count, Map<String, Long> kinds) {
        node.put("errors", count);
        ObjectNode byKind = node.putObject("errorKinds");
        kinds.forEach(byKind::put);
    }
}
