package org.perch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code perch user …}: local accounts, straight in the data directory's store (the server may be running). */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manages local accounts in the data directory's store (works while the server runs).",
        subcommands = {UserAddCommand.class, UserPasswdCommand.class, UserRemoveCommand.class,
            UserListCommand.class, UserGrantAdminCommand.class, UserRevokeAdminCommand.class})
final class UserCommand {

    @ParentCommand
    PerchCli cli;

    CliContext context() {
        return cli.context();
    }
}
