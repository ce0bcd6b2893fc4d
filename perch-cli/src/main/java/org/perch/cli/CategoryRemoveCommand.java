package org.perch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch category remove}: Remove-CsPersistentChatCategory. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Deletes a category; only one without rooms.")
final class CategoryRemoveCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "NAME", description = "The category (any case).")
    String identity;

    @Override
    void run(AdminClient admin) {
        admin.delete("/api/v1/categories/" + AdminClient.segment(identity));
        if (!json()) {
            out().println("removed category " + identity);
        }
    }
}
