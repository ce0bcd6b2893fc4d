package org.perch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command carried out by the running server through its admin API, with tables for people or JSON. */
abstract class AdminCommand implements Callable<Integer> {

    enum Output { table, json }

    @Mixin
    ConfigOptions options;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default) or json (for scripts).")
    Output output;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        CliContext context = ((PerchCli) spec.root().userObject()).context();
        run(AdminClient.of(options.load(context.environment())));
        out().flush();
        return 0;
    }

    abstract void run(AdminClient admin);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    boolean json() {
        return output == Output.json;
    }

    void printJson(JsonNode node) {
        try {
            out().println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
