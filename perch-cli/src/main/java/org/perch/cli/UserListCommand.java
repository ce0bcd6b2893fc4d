package org.perch.cli;

import org.perch.core.Jid;
import org.perch.domain.account.AccountService;
import org.perch.server.config.PerchConfig;
import org.perch.store.Account;
import picocli.CommandLine.Command;

/** {@code perch user list}: one account per line, administrators marked. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every account, one per line, sorted; administrators are marked (admin).")
final class UserListCommand extends AccountCommand {

    @Override
    void run(AccountService accounts, PerchConfig config) {
        for (Jid jid : accounts.list()) {
            boolean admin = accounts.find(jid).map(Account::admin).orElse(false);
            out().println(admin ? jid + " (admin)" : jid.toString());
        }
    }
}
