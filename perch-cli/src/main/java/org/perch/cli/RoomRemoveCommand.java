package org.perch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch room remove}: Remove-CsPersistentChatRoom. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Deletes a room and its history. (A manager's 'destroy' from a client only disables it.)")
final class RoomRemoveCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The room (any case).")
    String identity;

    @Override
    void run(AdminClient admin) {
        admin.delete("/api/v1/rooms/" + AdminClient.segment(identity));
        if (!json()) {
            out().println("removed room " + identity);
        }
    }
}
