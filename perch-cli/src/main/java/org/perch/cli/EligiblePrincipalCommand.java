package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch eligible-principal …}: Get-CsPersistentChatEligiblePrincipal, through the running server. */
@Command(name = "eligible-principal", mixinStandardHelpOptions = true,
        description = "Lists the accounts that may hold roles in a category's or a room's rooms"
                + " (Get-CsPersistentChatEligiblePrincipal) through the running server's admin API.",
        subcommands = EligiblePrincipalGetCommand.class)
final class EligiblePrincipalCommand {
}
