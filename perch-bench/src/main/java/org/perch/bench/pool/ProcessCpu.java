package org.perch.bench.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time used so far, read from {@code /proc} (Linux): by one process, by every process named {@code postgres},
 * and by this JVM. Times are in microseconds; {@code /proc} counts clock ticks ({@code getconf CLK_TCK}).
 */
public final class ProcessCpu {

    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** User plus system time of the process and all its threads so far; 0 once it has ended. */
    public static long micros(long pid) {
        try {
            return micros(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sum over the processes named {@code postgres}: the server and its backends. A process that ended in
     * between is missed, so backends should live as long as the measurement (pooled connections do).
     */
    static long postgresMicros() {
        long sum = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip().equals("postgres")) {
                        sum += micros(Files.readString(process.resolve("stat")));
                    }
                } catch (NoSuchFileException e) {
                    // ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    /** This JVM's CPU time: the Smack clients and the poster. */
    static long ownMicros() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000;
    }

    /** Fields 14 and 15 of {@code stat} (utime, stime), counted after the command name, which may hold spaces. */
    private static long micros(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000 / TICKS_PER_SECOND;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100; // what every Linux on x86 and ARM reports
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
