package org.perch.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code perch test message}: Test-CsPersistentChatMessage, run as an XMPP client against the server (not through
 * the admin API: it checks what users meet). Exits 0 when every step passed and 1 when one failed.
 */
@Command(name = "message", mixinStandardHelpOptions = true,
        description = {"Test-CsPersistentChatMessage: two accounts log in over XMPP, join a room, one posts a"
                + " message with a random token and the other must receive it; then both leave and log off.",
            "Prints each step with its result and time, then PASS or FAIL: <step>: <reason>. The message stays in"
                + " the room's history."},
        footerHeading = "%nExample:%n",
        footer = {"  perch test message --sender-address alice@example.org \\",
            "      --receiver-address bob@example.org --chat-room-uri \"Bond Desk\"",
            "                                  (asks for both passwords on the terminal)"})
final class TestMessageCommand implements Callable<Integer> {

    /** Smack reports on java.util.logging what this command reports itself; held here, as loggers are weak. */
    private static final Logger SMACK_LOG = Logger.getLogger("org.jivesoftware");

    @Mixin
    ConfigOptions options;

    @Option(names = "--sender-address", required = true, paramLabel = "JID", description = "The account that posts.")
    String senderAddress;

    @Option(names = "--sender-password-file", paramLabel = "FILE",
            description = "A file whose first line is the sender's password; without it, asked on the terminal.")
    Path senderPasswordFile;

    @Option(names = "--receiver-address", required = true, paramLabel = "JID",
            description = "The account that must receive the message.")
    String receiverAddress;

    @Option(names = "--receiver-password-file", paramLabel = "FILE",
            description = "A file whose first line is the receiver's password; without it, asked on the terminal.")
    Path receiverPasswordFile;

    @Option(names = "--chat-room-uri", paramLabel = "ROOM",
            description = "The room: its name, address or JID. Without it, the first room, by name, that both"
                    + " accounts can see and join.")
    String chatRoomUri;

    @Option(names = "--target-fqdn", paramLabel = "HOST",
            description = "The XMPP server to test, trusted through the JDK's certificate authorities. Without it,"
                    + " the server on this machine, trusting exactly its own certificate.")
    String targetFqdn;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Its client (STARTTLS) port; by default the configured one (xmpp.c2s-port).")
    Integer port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long each step may take (default ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default) or json (for scripts).")
    AdminCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (timeout < 1 || timeout > 3600) {
            throw new ParameterException(spec.commandLine(), "--timeout is 1 to 3600 seconds; got " + timeout);
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port is 1 to 65535; got " + port);
        }
        EntityBareJid sender = jid("--sender-address", senderAddress);
        EntityBareJid receiver = jid("--receiver-address", receiverAddress);
        CliContext context = ((PerchCli) spec.root().userObject()).context();
        PerchConfig config = options.load(context.environment());
        XmppTarget target = XmppTarget.of(config, Optional.ofNullable(targetFqdn), Optional.ofNullable(port));
        MessageTest.Settings settings = new MessageTest.Settings(
                new MessageTest.Account(sender, password(senderPasswordFile, "--sender-password-file", sender)),
                new MessageTest.Account(receiver, password(receiverPasswordFile, "--receiver-password-file",
                        receiver)),
                Optional.ofNullable(chatRoomUri), target, Duration.ofSeconds(timeout));
        SMACK_LOG.setLevel(Level.OFF);
        List<StepResult> results = new MessageTest(settings).run();
        Optional<StepResult> failed = results.stream().filter(StepResult::failed).findFirst();
        PrintWriter out = spec.commandLine().getOut();
        if (output == AdminCommand.Output.json) {
            printJson(out, results, failed);
        } else {
            printTable(out, results, failed);
        }
        out.flush();
        return failed.isPresent() ? PerchCli.FAILED : 0;
    }

    private EntityBareJid jid(String option, String value) {
        try {
            return JidCreate.entityBareFrom(value);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + " is an account's address such as"
                    + " alice@example.org; got '" + value + "'");
        }
    }

    /** From the file's first line, or asked on the terminal without echo; never shown, never logged. */
    private String password(Path file, String option, EntityBareJid account) {
        if (file != null) {
            try {
                String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new CliException(option + " " + file + " holds no password on its first line");
                }
                return first;
            } catch (IOException e) {
                throw new CliException("cannot read " + option + " " + file + ": " + e.getMessage());
            }
        }
        Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("Password of %s: ", account);
        if (typed == null) {
            throw new ParameterException(spec.commandLine(), "no password for " + account
                    + ": give " + option + ", or run this on a terminal to be asked");
        }
        try {
            return new String(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private static void printTable(PrintWriter out, List<StepResult> results, Optional<StepResult> failed) {
        List<List<String>> rows = new ArrayList<>();
        for (StepResult r : results) {
            rows.add(List.of(r.step(), r.result().name(), r.result() == StepResult.Result.skipped ? "-"
                    : String.valueOf(r.millis()), r.detail()));
        }
        Tables.print(out, List.of("STEP", "RESULT", "MS", "DETAIL"), rows);
        out.println(failed.map(f -> "FAIL: " + f.step() + ": " + f.detail()).orElse("PASS"));
    }

    private static void printJson(PrintWriter out, List<StepResult> results, Optional<StepResult> failed) {
        ObjectNode answer = AdminClient.JSON.createObjectNode();
        answer.put("result", failed.isPresent() ? "fail" : "pass");
        answer.put("failedStep", failed.map(StepResult::step).orElse(null));
        answer.put("reason", failed.map(StepResult::detail).orElse(null));
        ArrayNode steps = answer.putArray("steps");
        for (StepResult r : results) {
            steps.addObject().put("step", r.step()).put("result", r.result().name()).put("ms", r.millis())
                    .put("detail", r.detail());
        }
        try {
            out.println(AdminClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
