package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch message …}: Lync's Remove-CsPersistentChatMessage, through the running server. */
@Command(name = "message", mixinStandardHelpOptions = true,
        description = "Removes messages from a room's history (Remove-CsPersistentChatMessage) through the running"
                + " server's admin API.",
        subcommands = {MessageRemoveCommand.class})
final class MessageCommand {
}
