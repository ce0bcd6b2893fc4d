package org.perch.bench.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a result was measured on, as {@code nproc}, {@code /proc/cpuinfo} and {@code /proc/meminfo} see it. */
public record Machine(int processors, String cpuModel, double memoryGib) {

    public static Machine current() {
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = value(cpuinfo, "model name").orElse("unknown CPU");
        double memory = value(lines("/proc/meminfo"), "MemTotal")
                .map(kb -> Long.parseLong(kb.replace("kB", "").strip()) / (1024.0 * 1024.0)).orElse(0.0);
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d CPUs (nproc), %s, %.1f GiB memory; Java %s", processors, cpuModel,
                memoryGib, System.getProperty("java.version"));
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key) && l.indexOf(':') > 0).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip());
    }
}
