package org.perch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code perch config …}: the configuration keys and validation of a configuration. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Shows and checks the configuration.",
        subcommands = {ConfigKeysCommand.class, ConfigCheckCommand.class})
final class ConfigCommand {

    @ParentCommand
    PerchCli cli;
}
