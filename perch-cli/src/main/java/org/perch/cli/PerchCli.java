package org.perch.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.perch.server.config.ConfigException;
import org.perch.server.tls.TlsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code perch} command: runs the server and administers it. Errors are printed as one line
 * {@code perch: <message>} on standard error; the exit code is 0 on success, 1 when the operation failed and 2 for
 * a usage or configuration error (including unusable TLS files).
 */
@Command(name = "perch", mixinStandardHelpOptions = true, versionProvider = PerchCli.Version.class,
        description = "Perch: persistent group chat over XMPP.",
        subcommands = {ServeCommand.class, UserCommand.class, CategoryCommand.class, RoomCommand.class,
            EligiblePrincipalCommand.class, TestCommand.class,
            AddinCommand.class, ConfigurationCommand.class, PolicyCommand.class, MessageCommand.class,
            DataCommand.class, ComplianceCommand.class, PoolCommand.class, TopologyCommand.class, ConfigCommand.class,
            HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  perch serve --config perch.properties",
            "  perch user add alice            (asks for the password; user list, passwd, remove,",
            "                                   grant-admin and revoke-admin work alike)",
            "  perch category new --name Trading   (through the running server; get, set, remove alike)",
            "  perch room new --name \"Bond Desk\" --category Trading --privacy open",
            "  perch test message --sender-address alice@example.org --receiver-address bob@example.org",
            "                                   (two accounts exchange a message in a room; PASS or FAIL)",
            "  perch topology validate topology.json   (every problem as FILE:LINE:COL; then publish, show)",
            "  perch config keys               (every configuration key with its default)",
            "  perch config check --config perch.properties"})
public final class PerchCli {

    static final int FAILED = 1;
    static final int USAGE = 2;

    private final CliContext context;

    PerchCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Runs one command and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /** The command tree, with Perch's error reporting, for {@code main} and for tests. */
    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new PerchCli(context));
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println("perch: " + message(e));
            command.getErr().flush();
            // Unusable TLS files are a configuration mistake as much as a bad key is.
            return e instanceof ConfigException || e instanceof TlsException ? USAGE : FAILED;
        });
        commandLine.setParameterExceptionHandler(PerchCli::usageError);
        return commandLine;
    }

    CliContext context() {
        return context;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("perch: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    private static String message(Exception e) {
        // Our own exceptions carry messages written for the operator; anything else is a bug, so name its type.
        return e.getMessage() != null && !(e instanceof NullPointerException) ? e.getMessage() : e.toString();
    }

    /** The version from the jar manifest; tests run from classes, where there is none. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PerchCli.class.getPackage().getImplementationVersion();
            return new String[] {"perch " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
