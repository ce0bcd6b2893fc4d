package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch room …}: Lync's *-CsPersistentChatRoom cmdlets, through the running server. */
@Command(name = "room", mixinStandardHelpOptions = true,
        description = "Manages rooms (New-, Set-, Get-, Remove-, Clear-CsPersistentChatRoom) through the running"
                + " server's admin API.",
        subcommands = {RoomGetCommand.class, RoomNewCommand.class, RoomSetCommand.class, RoomRemoveCommand.class,
            RoomClearCommand.class})
final class RoomCommand {
}
