package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch configuration …}: Lync's *-CsPersistentChatConfiguration cmdlets, through the running server. */
@Command(name = "configuration", mixinStandardHelpOptions = true,
        description = "Shows and changes the persistent chat configuration (Get-, Set-, Remove-"
                + "CsPersistentChatConfiguration) through the running server's admin API; a change is in force at"
                + " once. (The configuration file is 'perch config'.)",
        subcommands = {ConfigurationGetCommand.class, ConfigurationSetCommand.class,
            ConfigurationRemoveCommand.class})
final class ConfigurationCommand {
}
