package org.perch.cli;

import picocli.CommandLine.Command;

/**
 * {@code perch compliance …}: the compliance record (Lync's *-CsPersistentChatComplianceConfiguration and its
 * adapters' output). Each subcommand is one class listed here.
 */
@Command(name = "compliance", mixinStandardHelpOptions = true,
        description = "The compliance record: checks the adapters' exported files (docs/compliance.md).",
        subcommands = {
            ComplianceVerifyCommand.class,
        })
final class ComplianceCommand {
}
