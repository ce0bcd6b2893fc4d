package org.perch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch addin remove}: Remove-CsPersistentChatAddin. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes an add-in; refused while rooms show it, unless --force takes it out of them.")
final class AddinRemoveCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The add-in (any case).")
    String identity;

    @Option(names = "--force", description = "Take the add-in out of the rooms that show it.")
    boolean force;

    @Override
    void run(AdminClient admin) {
        admin.delete("/api/v1/addins/" + AdminClient.segment(identity) + (force ? "?force=true" : ""));
        if (!json()) {
            out().println("removed add-in " + identity);
        }
    }
}
