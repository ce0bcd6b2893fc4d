package org.perch.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Servers in processes of their own, for the tests that kill one: starting them and reading what they print. */
final class ChildProcesses {
    private static final int KEPT_LINES = 200;

    private ChildProcesses() {
    }

    /** Starts {@code main} in a new JVM on this test's class path, its output and errors merged. */
    static Process startJava(Class<?> main, List<String> jvmOptions, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Reads the child's output until a line starts with {@code prefix} and returns the rest of it; keeps draining the
     * output afterwards so the child never blocks on a full pipe. If the child ends first, the exception carries what
     * it printed.
     */
    static String awaitLine(Process process, String prefix) throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        List<String> before = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!found.isDone() && line.startsWith(prefix)) {
                        found.complete(line.substring(prefix.length()).strip());
                    } else if (!found.isDone() && before.size() < KEPT_LINES) {
                        before.add(line);
                    }
                }
                found.completeExceptionally(new IllegalStateException("the process ended before printing '" + prefix
                        + "':\n" + String.join("\n", before)));
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
        }, "child-process-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(90, TimeUnit.SECONDS);
    }
}
