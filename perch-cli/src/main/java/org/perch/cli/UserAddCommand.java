package org.perch.cli;

import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code perch user add JID}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Creates an account; the password is asked twice on a terminal, else read as one line of standard input.")
final class UserAddCommand extends AccountCommand {

    @Parameters(paramLabel = "JID", description = "The account: user or user@domain (this server's domain).")
    String account;

    @Override
    void run(AccountService accounts, PerchConfig config) {
        Jid jid = accountJid(account, config);
        accounts.add(jid, newPassword());
        out().println("added %s".formatted(jid));
    }
}
