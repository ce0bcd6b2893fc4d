package org.perch.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Reads a new password: from the terminal without echo, asked twice, or else as one line of standard input. */
interface PasswordSource {

    String newPassword(String prompt);

    static PasswordSource system() {
        Console console = System.console();
        return console != null ? fromConsole(console) : fromStream(System.in);
    }

    static PasswordSource fromConsole(Console console) {
        return prompt -> {
            char[] first = console.readPassword("%s: ", prompt);
            if (first == null) {
                throw new CliException("no password given");
            }
            char[] second = console.readPassword("Repeat %s: ", prompt.toLowerCase(Locale.ROOT));
            try {
                if (!Arrays.equals(first, second)) {
                    throw new CliException("the passwords do not match");
                }
                return new String(first);
            } finally {
                Arrays.fill(first, '\0');
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        };
    }

    /** For scripts: the first line of the stream is the password (a trailing CR is dropped). */
    static PasswordSource fromStream(InputStream in) {
        return prompt -> {
            try {
                // Not closed: closing would close the process's standard input.
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new CliException("no password on standard input (expected one line)");
                }
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password from standard input", e);
            }
        };
    }
}
