package org.perch.cli;

import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code perch user grant-admin JID}. */
@Command(name = "grant-admin", mixinStandardHelpOptions = true,
        description = "Gives an account the Persistent Chat administrator role.")
final class UserGrantAdminCommand extends AccountCommand {

    @Parameters(paramLabel = "JID", description = "The account: user or user@domain (this server's domain).")
    String account;

    @Override
    void run(AccountService accounts, PerchConfig config) {
        Jid jid = accountJid(account, config);
        accounts.grantAdmin(jid);
        out().println("granted admin to %s".formatted(jid));
    }
}
