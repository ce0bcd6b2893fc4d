package org.perch.cli;

import picocli.CommandLine.Command;

/** {@code perch policy …}: Lync's *-CsPersistentChatPolicy cmdlets, through the running server. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Manages who may use Persistent Chat (New-, Set-, Get-, Remove-, Grant-CsPersistentChatPolicy)"
                + " through the running server's admin API. A user's policy is the per-user one granted to them,"
                + " else their site's (chat.site), else the global one, which starts with Persistent Chat off.",
        subcommands = {PolicyGetCommand.class, PolicyNewCommand.class, PolicySetCommand.class,
            PolicyRemoveCommand.class, PolicyGrantCommand.class})
final class PolicyCommand {
}
