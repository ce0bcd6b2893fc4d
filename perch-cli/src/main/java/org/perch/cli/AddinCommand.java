package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch addin …}: Lync's *-CsPersistentChatAddin cmdlets, through the running server. */
@Command(name = "addin", mixinStandardHelpOptions = true,
        description = "Manages add-ins (New-, Set-, Get-, Remove-CsPersistentChatAddin) through the running server's"
                + " admin API.",
        subcommands = {AddinGetCommand.class, AddinNewCommand.class, AddinSetCommand.class,
            AddinRemoveCommand.class})
final class AddinCommand {
}
