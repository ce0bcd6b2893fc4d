package org.perch.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code perch} in-process with its own environment and standard input, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String stdin, String... args) {
        return runWith(Map.of(), stdin, args);
    }

    static CliRun runWith(Map<String, String> environment, String stdin, String... args) {
        CliContext context = new CliContext(environment, PasswordSource.fromStream(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        CommandLine commandLine = PerchCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
