package org.perch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch policy remove}: Remove-CsPersistentChatPolicy. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes a site or per-user policy; for global, restores its defaults (Persistent Chat off)."
                + " A per-user policy that is granted is removed only with --force, which takes its grants away.")
final class PolicyRemoveCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "ID",
            description = "global, site:NAME or a per-user policy's NAME.")
    String identity;

    @Option(names = "--force", description = "Remove it even while granted; its users fall back to site or global.")
    boolean force;

    @Override
    void run(AdminClient admin) {
        admin.delete("/api/v1/policies/" + AdminClient.segment(identity) + (force ? "?force=true" : ""));
        if (!json()) {
            out().println("removed policy " + identity);
        }
    }
}
