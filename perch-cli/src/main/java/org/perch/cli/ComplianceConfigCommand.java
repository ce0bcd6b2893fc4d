package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch compliance config …}: *-CsPersistentChatComplianceConfiguration, through the running server. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Shows or changes the compliance configuration (Get-, Set-, Remove-"
                + "CsPersistentChatComplianceConfiguration). Naming an adapter turns compliance on.",
        subcommands = {ComplianceConfigGetCommand.class, ComplianceConfigSetCommand.class,
            ComplianceConfigRemoveCommand.class})
final class ComplianceConfigCommand {
}
