package org.perch.cli;

import picocli.CommandLine.Command;

/**
 * {@code perch compliance …}: the compliance record (Lync's *-CsPersistentChatComplianceConfiguration and its
 * adapters' output). Each subcommand is one class listed here.
 */
@Command(name = "compliance", mixinStandardHelpOptions = true,
        description = "The compliance record: its configuration and state, through the running server, and a check"
                + " of the adapters' exported files (docs/compliance.md).",
        subcommands = {
            ComplianceConfigCommand.class,
            ComplianceStatusCommand.class,
            ComplianceRunNowCommand.class,
            ComplianceVerifyCommand.class,
        })
final class ComplianceCommand {
}
