package org.perch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.perch.compliance.verify.ChainBreak;
import org.perch.compliance.verify.ComplianceVerifier;
import org.perch.compliance.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code perch compliance verify DIR}: checks the hash chains of exported compliance files, offline, on the files
 * alone. Exit 0 when intact, 1 at the first break (also told on standard error), 2 for a usage error.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks a directory of exported compliance files (xml and jsonl adapters, any mix): recomputes"
                + " every room's hash chain and reports the first break (an event altered, removed, reordered or"
                + " duplicated), or the counts. Works on the files alone; no server is needed."},
        footerHeading = "%nExamples:%n",
        footer = {"  perch compliance verify /var/lib/perch/compliance",
            "  perch compliance verify ./archive --output json"})
final class ComplianceVerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory the adapter writes to (not recursive).")
    Path directory;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default) or json (for scripts).")
    AdminCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "no directory " + directory);
        }
        VerificationReport report;
        try {
            report = ComplianceVerifier.verify(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
        if (output == AdminCommand.Output.json) {
            printJson(report);
        } else {
            printTable(report);
        }
        spec.commandLine().getOut().flush();
        report.firstBreak().ifPresent(broken -> {
            spec.commandLine().getErr().println("perch: the compliance files are not intact: " + broken.describe());
            spec.commandLine().getErr().flush();
        });
        return report.intact() ? 0 : PerchCli.FAILED;
    }

    private void printTable(VerificationReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.println((report.intact() ? "intact: " : "BROKEN: ") + count(report.events(), "event")
                + (report.intact() ? "" : " checked before the break") + " in " + count(report.rooms(), "room") + ", "
                + count(report.files(), "file") + (report.events() == 0 ? ""
                : ", sequences " + report.firstSequence() + " to " + report.lastSequence()));
        report.firstBreak().ifPresent(broken -> out.println("first break: " + broken.describe()));
        report.warnings().forEach(w -> out.println("warning: " + w));
        report.notes().forEach(n -> out.println("note: " + n));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private void printJson(VerificationReport report) {
        ObjectNode json = AdminClient.JSON.createObjectNode();
        json.put("intact", report.intact());
        json.put("files", report.files());
        json.put("events", report.events());
        json.put("rooms", report.rooms());
        json.put("firstSequence", report.firstSequence());
        json.put("lastSequence", report.lastSequence());
        if (report.firstBreak().isPresent()) {
            ChainBreak broken = report.firstBreak().get();
            ObjectNode b = json.putObject("firstBreak");
            b.put("file", broken.file());
            b.put("sequence", broken.sequence().orElse(null));
            b.put("event", broken.eventId().map(Object::toString).orElse(null));
            b.put("problem", broken.problem().name());
            b.put("detail", broken.detail());
        } else {
            json.putNull("firstBreak");
        }
        json.putArray("warnings").addAll(report.warnings().stream().map(json::textNode).toList());
        json.putArray("notes").addAll(report.notes().stream().map(json::textNode).toList());
        try {
            spec.commandLine().getOut().println(AdminClient.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
