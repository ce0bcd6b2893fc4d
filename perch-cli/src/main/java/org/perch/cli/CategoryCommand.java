package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch category …}: Lync's *-CsPersistentChatCategory cmdlets, through the running server. */
@Command(name = "category", mixinStandardHelpOptions = true,
        description = "Manages categories (New-, Set-, Get-, Remove-CsPersistentChatCategory) through the running"
                + " server's admin API.",
        subcommands = {CategoryGetCommand.class, CategoryNewCommand.class, CategorySetCommand.class,
            CategoryRemoveCommand.class})
final class CategoryCommand {
}
