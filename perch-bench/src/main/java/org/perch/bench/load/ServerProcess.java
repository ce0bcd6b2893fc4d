package org.perch.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perch.bench.pool.ProcessCpu;

/**
 * The server under load, seen from outside: CPU time and resident memory from {@code /proc/<pid>} (Linux), and when
 * it is a JVM this user may attach to, its heap after a full GC through {@code jcmd} (Prosody and ejabberd give RSS
 * only).
 */
record ServerProcess(long pid) {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    /** CPU time and resident memory at one moment. */
    record Reading(long nanos, long cpuMicros, long rssKib) {

        /** The share of one core the server used between {@code earlier} and this reading. */
        double cpuShareSince(Reading earlier) {
            return (cpuMicros - earlier.cpuMicros) * 1e3 / (nanos - earlier.nanos);
        }
    }

    Reading read() {
        return new Reading(System.nanoTime(), ProcessCpu.micros(pid), rssKib());
    }

    /** {@code VmRSS} of {@code /proc/<pid>/status}; 0 once the process has ended. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            return 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }

    /**
     * The heap in use right after a full GC ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}): what the live
     * objects take. Empty when the server is no JVM or jcmd cannot attach. Takes a second or so; the GC pauses the
     * server, so never call it inside a measured window.
     */
    OptionalLong heapAfterGcKib() {
        // jcmd attaches by sending SIGQUIT, which ends a process that is no JVM: ejabberd's Erlang VM died of it.
        if (!isJvm() || jcmd("GC.run").isEmpty()) {
            return OptionalLong.empty();
        }
        String info = jcmd("GC.heap_info").orElse("");
        Matcher used = HEAP_USED.matcher(info);
        return used.find() ? OptionalLong.of(Long.parseLong(used.group(1))) : OptionalLong.empty();
    }

    /** Whether the process has a JVM loaded ({@code libjvm.so} in its memory map). */
    private boolean isJvm() {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return lines.anyMatch(line -> line.endsWith("/libjvm.so"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private Optional<String> jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            return ended && process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
