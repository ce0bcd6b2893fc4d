package org.perch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.perch.chatdata.DataSummary;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code perch data} command: works on the store of the configured data directory (as Lync's cmdlets worked on
 * the database, -DBInstance), not through the server, and reports what it did as a line or as JSON.
 */
abstract class StoreDataCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default) or json (for scripts).")
    AdminCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        CliContext context = ((PerchCli) spec.root().userObject()).context();
        run(options.load(context.environment()));
        out().flush();
        return 0;
    }

    abstract void run(PerchConfig config);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The summary as a line for people ({@code what … file}) or as JSON with every count. */
    void report(String what, Path file, DataSummary summary) {
        if (output == AdminCommand.Output.table) {
            out().println(what.formatted(summary.describe(), file));
            return;
        }
        ObjectNode json = AdminClient.JSON.createObjectNode();
        json.put("file", file.toString());
        json.put("schema", summary.header().schema());
        json.put("level", summary.header().level().fileName());
        json.put("since", summary.header().since().map(Object::toString).orElse(null));
        ObjectNode records = json.putObject("records");
        summary.records().forEach(records::put);
        try {
            out().println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
