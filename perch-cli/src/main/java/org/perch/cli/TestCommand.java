package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch test …}: Lync's Test-CsPersistentChat* synthetic transactions. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Checks a running server the way a user meets it (Test-CsPersistentChatMessage).",
        subcommands = TestMessageCommand.class)
final class TestCommand {
}
