package org.perch.cli;

import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code perch user passwd JID}. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Sets a new password for an account (read like for add).")
final class UserPasswdCommand extends AccountCommand {

    @Parameters(paramLabel = "JID", description = "The account: user or user@domain (this server's domain).")
    String account;

    @Override
    void run(AccountService accounts, PerchConfig config) {
        Jid jid = accountJid(account, config);
        accounts.changePassword(jid, newPassword());
        out().println("changed the password of %s".formatted(jid));
    }
}
