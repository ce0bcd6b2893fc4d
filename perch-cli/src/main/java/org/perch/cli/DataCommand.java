package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch data …}: Lync's Export- and Import-CsPersistentChatData, straight on the configured store. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Exports and imports Persistent Chat data (Export-, Import-CsPersistentChatData) straight in"
                + " the configured store, as the cmdlets worked on the database. Accounts are not included.",
        subcommands = {DataExportCommand.class, DataImportCommand.class})
final class DataCommand {
}
