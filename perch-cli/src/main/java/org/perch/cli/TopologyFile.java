package org.perch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.perch.cluster.topology.TopologyReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A topology file named on the command line, checked, and its problems printed one per line. */
final class TopologyFile {

    private TopologyFile() {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws ParameterException if there is no such file (a usage error)
     */
    static TopologyReport check(CommandSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no file " + file);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new CliException(file + " is not UTF-8 text: a topology file is JSON, in UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // Some editors start UTF-8 files with a byte order mark; it is no part of the JSON, and columns ignore it.
        return TopologyReport.check(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString());
    }

    /** Each problem as {@code FILE:LINE:COL: error|warning: path: message}, then the summary. */
    static void print(PrintWriter out, TopologyReport report) {
        report.problems().forEach(out::println);
        out.println(report.summary());
    }
}
