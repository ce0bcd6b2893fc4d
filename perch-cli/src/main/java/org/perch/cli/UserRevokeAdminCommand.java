package org.perch.cli;

import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code perch user revoke-admin JID}. */
@Command(name = "revoke-admin", mixinStandardHelpOptions = true,
        description = "Takes the administrator role away from an account.")
final class UserRevokeAdminCommand extends AccountCommand {

    @Parameters(paramLabel = "JID", description = "The account: user or user@domain (this server's domain).")
    String account;

    @Override
    void run(AccountService accounts, PerchConfig config) {
        Jid jid = accountJid(account, config);
        accounts.revokeAdmin(jid);
        out().println("revoked admin from %s".formatted(jid));
    }
}
