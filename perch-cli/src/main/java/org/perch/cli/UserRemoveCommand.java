package org.perch.cli;

import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code perch user remove JID}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes an account and its roster.")
final class UserRemoveCommand extends AccountCommand {

    @Parameters(paramLabel = "JID", description = "The account: user or user@domain (this server's domain).")
    String account;

    @Override
    void run(AccountService accounts, PerchConfig config) {
        Jid jid = accountJid(account, config);
        accounts.remove(jid);
        out().println("removed %s".formatted(jid));
    }
}
